"""A SparkSession set up for claimgraph: quiet, loopback-only, no web UI, few shuffle partitions."""

from __future__ import annotations

import os
import shutil
import sys

from ..errors import ClaimgraphError


class SparkUnavailable(ClaimgraphError):
    """pyspark or Java is missing: one clear line instead of a JVM stack trace."""


def check_spark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as e:
        raise SparkUnavailable(f"pyspark is not installed ({e}); pip install pyspark") from None
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise SparkUnavailable("Spark needs Java 17 or later: no `java` on PATH and JAVA_HOME is unset")


def spark_session(master: str = "local[*]", partitions: int = 4, app: str = "claimgraph"):
    """Get (or reuse) a SparkSession. Python workers run this interpreter, so they see the same packages."""
    check_spark()
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # else Spark warns about and probes the host's addresses
    builder = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", str(max(1, partitions)))
        .config("spark.default.parallelism", str(max(1, partitions)))
        # Python workers are reused between tasks, so the models each one loads are loaded once per worker.
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.session.timeZone", "UTC")
    )
    try:
        session = builder.getOrCreate()
    except Exception as e:  # JVM start failures come as long Java traces; keep the first line
        raise SparkUnavailable(f"cannot start Spark ({master}): {str(e).splitlines()[0] if str(e) else e}") from None
    session.sparkContext.setLogLevel("WARN")
    return session
