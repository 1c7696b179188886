"""A clip's cast is read once per transaction, and never from before a write."""

from __future__ import annotations

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from db import clips as clip_queries
from db.engine import transaction
from db.models import Appearance, Clip
from tests.webapp.clip_world import BOB, MAYA, build_world, store_clip


def count_cast_reads(sessions: sessionmaker[Session]) -> list[str]:
    reads: list[str] = []
    engine = sessions.kw["bind"]

    @event.listens_for(engine, "before_cursor_execute")
    def record(_conn, _cursor, statement: str, *_args) -> None:
        if "appearances" in statement and statement.lstrip().upper().startswith("SELECT"):
            reads.append(statement)

    return reads


def test_a_transaction_reads_each_cast_once_and_the_next_reads_it_again(sessions):
    with transaction(sessions) as session:
        doubles = build_world(session)
        clip_id = store_clip(session, MAYA, {"lead": doubles["maya"], "friend": doubles["bob"]},
                             minutes=1)  # fmt: skip
    reads = count_cast_reads(sessions)
    for _ in range(2):
        with transaction(sessions) as session:
            clip = session.execute(select(Clip).where(Clip.public_id == clip_id)).scalar_one()
            casts = [clip_queries.cast_doubles(session, clip) for _ in range(5)]
            assert [[d.handle for d in cast] for cast in casts] == [["maya", "bob"]] * 5
            casts[0].clear()  # a caller changing its list leaves the remembered one alone
            assert len(clip_queries.cast_doubles(session, clip)) == 2
    assert len(reads) == 2


def test_a_write_in_the_transaction_forgets_the_remembered_cast(sessions):
    with transaction(sessions) as session:
        doubles = build_world(session)
        clip_id = store_clip(session, BOB, {"lead": doubles["bob"]}, minutes=1)
    with transaction(sessions) as session:
        clip = session.execute(select(Clip).where(Clip.public_id == clip_id)).scalar_one()
        assert [d.handle for d in clip_queries.cast_doubles(session, clip)] == ["bob"]
        session.add(Appearance(clip_id=clip.id, double_id=doubles["cara"], role="friend"))
        session.flush()
        assert [d.handle for d in clip_queries.cast_doubles(session, clip)] == ["bob", "cara"]


def test_a_page_of_casts_is_read_in_one_query_the_same_as_one_by_one(sessions):
    with transaction(sessions) as session:
        doubles = build_world(session)
        ids = [
            store_clip(session, MAYA, {"lead": doubles["maya"], "friend": doubles["bob"]},
                       minutes=1),
            store_clip(session, BOB, {"lead": doubles["cara"]}, minutes=2),
            store_clip(session, BOB, {}, minutes=3),  # no cast at all
        ]  # fmt: skip
    with transaction(sessions) as session:
        clips = session.execute(select(Clip).where(Clip.public_id.in_(ids))).scalars().all()
        one_by_one = {clip.id: [d.id for d in clip_queries.cast_doubles(session, clip)]
                      for clip in clips}  # fmt: skip
    reads = count_cast_reads(sessions)
    with transaction(sessions) as session:
        clips = session.execute(select(Clip).where(Clip.public_id.in_(ids))).scalars().all()
        clip_queries.read_casts(session, clips)
        together = {clip.id: [d.id for d in clip_queries.cast_doubles(session, clip)]
                    for clip in clips}  # fmt: skip
    assert together == one_by_one and sorted(map(len, together.values())) == [0, 1, 2]
    assert len(reads) == 1
