from __future__ import annotations

import pytest

from ceplanner.core.model import StakeholderGroup
from ceplanner.core.stakeholders import quadrant


@pytest.mark.parametrize(
    ("power", "interest", "expected"),
    [
        (5, 5, "Manage closely"),
        (3, 3, "Manage closely"),
        (3, 2, "Keep satisfied"),
        (2, 3, "Keep informed"),
        (2, 2, "Monitor"),
        (1, 5, "Keep informed"),
    ],
)
def test_quadrant_boundaries(power: int, interest: int, expected: str) -> None:
    assert quadrant(StakeholderGroup(power=power, interest=interest)) == expected
