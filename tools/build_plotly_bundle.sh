#!/usr/bin/env bash
# Rebuild timeline/resources/page/plotly-timeline.min.js: a partial plotly.js bundle holding only the traces the
# timeline page draws (scatter, bar, scattergeo, scattergl), about a third of the full bundle's size.
#
# Run it when the installed plotly.py ships another plotly.js version (tests/test_plot.py checks that
# the two versions agree): `bash tools/build_plotly_bundle.sh`. Needs node and npm (the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(python -c "import plotly.offline as o; print(o.get_plotlyjs_version())")
target=timeline/resources/page/plotly-timeline.min.js
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/entry.js" <<'JS'
'use strict';
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/scattergeo'),
                 require('plotly.js/lib/scattergl')]);
module.exports = Plotly;
JS
# the options of plotly.js's own esbuild-config.js, minified
cat > "$work/build.js" <<'JS'
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');
require('esbuild').build({
  entryPoints: ['entry.js'], outfile: 'bundle.min.js', format: 'iife', globalName: 'Plotly',
  bundle: true, minify: true, sourcemap: false, target: 'es2016', logLevel: 'warning',
  plugins: [InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
  alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
  define: { global: 'window', 'define.amd': 'false' },
}).catch(() => process.exit(1));
JS
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  "plotly.js@$version" esbuild@0.28 buffer@6 stream-browserify@3 \
  esbuild-plugin-glsl@1.4 esbuild-plugin-environment@0.5 esbuild-plugin-inline-css@0.0.1 && node build.js)
{
  printf '/**\n* plotly.js (timeline partial bundle: scatter, bar, scattergeo, scattergl) v%s\n' "$version"
  printf '* Built by tools/build_plotly_bundle.sh from the npm package plotly.js@%s.\n*\n' "$version"
  sed 's/^/* /; s/ *$//' "$work/node_modules/plotly.js/LICENSE"
  printf '*/\n'
  cat "$work/bundle.min.js"
} > "$target"
ls -l "$target"
