"""Fuzz tier: every pure function on drawn inputs, a few hundred examples in all (the long run,
10,000 per target, is scripts/fuzz.py). A call past fuzz_targets.LIMIT_S fails as a hang."""
import pytest
from hypothesis import HealthCheck, given, settings

from fuzz_targets import TARGETS

FAST = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz(name):
    target, strategy = TARGETS[name]
    FAST(given(strategy)(target))()
