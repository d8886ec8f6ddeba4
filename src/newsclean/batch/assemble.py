"""Putting finished chunks together into the outputs, as soon as an input (or the run) is complete.

>>> import tempfile
>>> from pathlib import Path
>>> root = Path(tempfile.mkdtemp())
>>> source = Source(path="d.jsonl", kind="jsonl", key="d", name="d.jsonl")
>>> chunk = Chunk(source, 0)
>>> layout = Layout(root)
>>> for part, text in ((layout.part(chunk), '{"a": 1}\\n'), (layout.error_part(chunk), "")):
...     part.parent.mkdir(parents=True, exist_ok=True)
...     _ = part.write_text(text)
>>> assembler = Assembler(layout, [(source, [chunk])])
>>> assembler.done(chunk)  # the last chunk of d.jsonl: its output is assembled now
>>> [p.name for p in assembler.finish()], (root / "d.jsonl").read_text()
(['d.jsonl'], '{"a": 1}\\n')
"""

from __future__ import annotations

from pathlib import Path

from newsclean.batch.records import Chunk, Source
from newsclean.batch.state import Layout
from newsclean.batch.writers import concatenate, write_text_atomic


class Assembler:
    """Puts finished chunks together into outputs as soon as a source (or the run) is complete."""

    def __init__(self, layout: Layout, plans: list[tuple[Source, list[Chunk]]]) -> None:
        self.layout = layout
        self.plans = plans
        self._remaining = {source.number: len(chunks) for source, chunks in plans}
        self._chunks = {source.number: chunks for source, chunks in plans}

    def done(self, chunk: Chunk) -> None:
        """Note a finished chunk; assemble its input's output when it was the last one."""
        number = chunk.source.number
        self._remaining[number] -= 1
        if self._remaining[number] == 0 and not self.layout.merge:
            self._assemble_source(chunk.source)

    def _assemble_source(self, source: Source) -> None:
        layout = self.layout
        if layout.source_done(source).exists():
            return  # assembled by the interrupted run; its parts are gone
        chunks = self._chunks[source.number]
        concatenate(
            (layout.part(c) for c in chunks), layout.output(source), output_format=layout.output_format
        )
        write_text_atomic(layout.source_done(source), "")
        for c in chunks:
            layout.part(c).unlink(missing_ok=True)

    def finish(self) -> list[Path]:
        """Assemble what remains (the merged output, the errors file); return the outputs."""
        layout = self.layout
        all_chunks = [c for _, chunks in self.plans for c in chunks]
        if layout.merge:
            marker = layout.state / "merged.done"
            if not marker.exists():
                concatenate(
                    (layout.part(c) for c in all_chunks), layout.merged, output_format=layout.output_format
                )
                write_text_atomic(marker, "")
                for c in all_chunks:
                    layout.part(c).unlink(missing_ok=True)
            outputs = [layout.merged]
        else:
            outputs = [layout.output(source) for source, _ in self.plans]
        concatenate((layout.error_part(c) for c in all_chunks), layout.errors)
        return outputs
