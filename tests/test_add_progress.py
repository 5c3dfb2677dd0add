"""`claimgraph add`'s progress: one bar per stage from the moment it starts, with its total where it is known."""

from __future__ import annotations

import io

from rich.console import Console
from rich.progress import Progress

from claimgraph.commands import core
from claimgraph.config import Settings
from claimgraph.store import Store


class RecordingProgress(Progress):
    """A real rich Progress drawing to a terminal-like buffer that also notes every task's state after each change."""

    def __init__(self):
        super().__init__(console=Console(file=io.StringIO(), force_terminal=True, width=100), auto_refresh=False)
        self.states: list[dict[str, tuple]] = []

    def _note(self) -> None:
        self.states.append({t.description: (t.completed, t.total, t.visible, t.started) for t in self.tasks})

    def add_task(self, *args, **kwargs):
        task = super().add_task(*args, **kwargs)
        self._note()
        return task

    def update(self, *args, **kwargs):
        super().update(*args, **kwargs)
        self._note()

    def advance(self, *args, **kwargs):
        super().advance(*args, **kwargs)
        self._note()

    def start_task(self, *args, **kwargs):
        super().start_task(*args, **kwargs)
        self._note()


REPORTS = {
    "a.txt": "The ministry said on 3 March 2025 that the Port Aldren ferry carried 120 passengers.\n",
    "b.txt": "Harbour officials said the Port Aldren ferry carried about 150 passengers on 3 March 2025.\n",
    "c.txt": "The operator denied that the ferry was overloaded, a spokesman said.\n",
}


def test_each_stage_has_its_bar_from_its_start_with_its_total(tmp_path, monkeypatch):
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    recorder = RecordingProgress()
    monkeypatch.setattr(core, "progress_bar", lambda quiet=False: recorder)
    settings = Settings()
    with Store(str(tmp_path / "store.db")) as store:
        report = core.run_add(store, [str(tmp_path / n) for n in REPORTS], settings, {}, processes=1)
    assert len(report.added) == 3
    states = recorder.states
    # reading ends with a known total (3 of 3), not a bar pulsing on with "3/?" while the others run
    when_analysing_starts = next(s for s in states if "analysing" in s)
    assert when_analysing_starts["reading"][:2] == (3, 3)
    assert when_analysing_starts["analysing"][:2] == (0, 3)
    # the linking bar is there as linking starts, at 0 of its total, then counts up to it
    linking = [s["linking"] for s in states if "linking" in s and s["linking"][2]]
    assert linking[0][:2] == (0, 3)
    assert [done for done, *_ in linking] == sorted(done for done, *_ in linking)
    assert linking[-1][:2] == (3, 3)
    assert len([done for done, *_ in linking if 0 < done < 3]) >= 1  # it moves while linking, not only at the end
    # its clock starts with linking (here, one process, after the analysis), not with the analysis: it said
    # "0:00:04" as it appeared after four seconds of analysis
    assert all(not s["linking"][3] for s in states if "linking" in s and s["analysing"][0] < 3)
    assert all(started for *_, started in linking)
