"""Runners: the local one, its worker pool, Spark, and the watcher."""
