""":mod:`timeline.evaluation.matching`: the one-to-one maximum matching both scorers use.

A scorer pairs predictions with gold items one to one: left nodes (gold or
predictions) each have an ordered list of right nodes they may take. The
matching is grown by augmenting paths (Kuhn's algorithm): each free left node in
turn takes a free right node, or one whose owner can move to another right node.
Starting from a matching a scorer made by its own preferences (identical spans,
the best overlap), the result stays maximum and keeps those preferences where
they cost nothing.

Example:
    >>> augmented({0: [0, 1], 1: [0]}, {})
    {0: 1, 1: 0}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def augmented(adjacency: Mapping[int, Sequence[int]], owner: dict[int, int]) -> dict[int, int]:
    """Grow the matching ``owner`` to a maximum one over ``adjacency`` by augmenting paths.

    Args:
        adjacency: left node -> the right nodes it may take, in order of preference; left
            nodes are tried in this mapping's order.
        owner: right node -> its left node: the matching to start from (updated in place).

    Returns:
        ``owner``, now a maximum matching (right node -> left node).
    """
    def augment(left: int, seen: set[int]) -> bool:
        for right in adjacency[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    matched = set(owner.values())
    for left in adjacency:
        if left not in matched:
            augment(left, set())
    return owner


def maximum_matching(edges: set[tuple[int, int]], used_left: set[int], used_right: set[int]) -> set[tuple[int, int]]:
    """A maximum one-to-one matching of ``(left, right)`` edges, avoiding nodes already used.

    Left nodes, and each one's right nodes, are tried in sorted order.

    Example:
        >>> sorted(maximum_matching({(0, 0), (0, 1), (1, 0)}, set(), set()))
        [(0, 1), (1, 0)]
    """
    adjacency: dict[int, list[int]] = {}
    for left, right in sorted(edges):
        if left not in used_left and right not in used_right:
            adjacency.setdefault(left, []).append(right)
    return {(left, right) for right, left in augmented(adjacency, {}).items()}
