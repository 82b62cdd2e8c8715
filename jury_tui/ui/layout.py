"""Sizes the juror's screens share."""

TALL_SCREEN = 34  # rows from which the screens show more: the criterion and motivation, the criteria's full names
