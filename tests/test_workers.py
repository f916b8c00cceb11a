"""zhengce.workers: a job that cannot go on stops the batch with a clear error, never a loop."""
from __future__ import annotations

import pytest

import batch_helpers as h
from zhengce.sources import Page
from zhengce.workers import WorkerError, run_jobs


def pages(n: int):
    return (Page(f"p{i}", None, f"<p>{i}</p>") for i in range(n))


@pytest.mark.parametrize("when, message", [("start", "ConnectionError: the database went away"),
                                           ("page", "ConnectionError: the database went away")])
def test_a_job_that_fails_stops_the_run(when, message):
    with pytest.raises(WorkerError, match=message):
        list(run_jobs(h.FailingJob(when, at=5), pages(50), 2, timeout=10))


def test_workers_dying_between_pages_stop_the_run_instead_of_looping():
    with pytest.raises(WorkerError, match="keep dying"):
        list(run_jobs(h.FailingJob("between", at=5), pages(50), 1, timeout=10))


def test_replies_are_per_page():
    done = list(run_jobs(h.FailingJob("never"), pages(30), 2, ordered=True, timeout=10))
    assert [(page.ref, payload) for page, payload in done] == [(f"p{i}", "done") for i in range(30)]
