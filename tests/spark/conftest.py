"""One local Spark session for the Spark tests: two cores, no UI, loopback only, this interpreter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """`local[2]`; no packages are fetched (no spark.jars.packages), the UI is off."""
    from ingest.spark.session import spark_session

    session = spark_session("local[2]", "actorgraph-tests", {"spark.sql.shuffle.partitions": "4"})
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that starts Spark is marked `spark` (and `slow`)."""
    for item in items:
        if "spark" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.spark)
            item.add_marker(pytest.mark.slow)
