"""The PySpark job for large corpora: the same per-document ``analyze`` run in Spark tasks, claims linked with
locality-sensitive hashing, Parquet tables out, and ``load`` to bring those tables into a store."""
