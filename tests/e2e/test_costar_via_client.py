"""Issue 5 end to end: two people befriend, grant, co-star, swap and delete an appearance.

Everything goes through the real app with ``gradio_client``, one ``Client`` (one browser
session) per person, including the crafted calls a hostile client could make.
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

from core.media.video_encode import probe_mp4
from tests.double_media import person_video
from tests.e2e.client_steps import create_double, fetch_media, media_pass, signed_in_client

pytestmark = pytest.mark.slow
ANA, BEN = "ana_double", "ben_double"
DUET = (
    f'Shot 1 (2s): two-shot, @{ANA} and @{BEN} on a rooftop. @{ANA} says "Hello friend." '
    f"Shot 2 (1s): close-up, @{BEN} smiles."
)


def register_double(client: Client, folder: Path, who: str, handle: str, tier: str) -> None:
    """Analyse a reference of ``who``, then pass the live check (a new code if misheard)."""
    folder.mkdir(exist_ok=True)
    reference = person_video(folder / "ref.mp4", who, text="Hello, this is my digital double.")
    client.predict("person", handle_file(str(reference)), None, None,
                   api_name="/analyze_reference")  # fmt: skip
    create_double(client, folder, who, handle, f"{who} in a jacket", tier=tier)


def feed(client: Client, section: str) -> tuple[list[str], list[dict | None]]:
    """The card texts (with their Details) and video links of a feed section's first page
    (which also fills the clip picker star_in_clip and verify_clip choose from)."""
    page, _picker = client.predict(section, 1, api_name="/list_feed")
    cards = [f"{card['card']}\n{card['details']}" for card in page["cards"]]
    return cards, [card["video"] for card in page["cards"]]


def clip_ids(cards: list[str]) -> list[str]:
    return [re.search(r"Clip id[^`]*`([0-9a-f]+)`", card).group(1) for card in cards]


def appearance_rows(client: Client) -> list[list[str]]:
    table = client.predict(api_name="/list_appearances")[2]
    table = table.get("value", table)  # a component update (the table hides when empty)
    return table["data"]


def downloadable(base_url: str, video: dict, cookie: str) -> bool:
    status, body = fetch_media(base_url, video["url"], cookie)
    return status == 200 and len(body) > 0


def test_befriend_grant_costar_swap_and_delete_an_appearance(running_app, tmp_path):
    ana = signed_in_client(running_app, "ana_costar")
    ben = signed_in_client(running_app, "ben_costar")
    # Ana shares only with people she approves; Ben with his friends.
    register_double(ana, tmp_path / "ana", "collins", ANA, "approved")
    with pytest.raises(AppError, match="already belongs to a double registered by another"):
        register_double(ben, tmp_path / "ben-same-face", "collins", BEN, "friends")
    register_double(ben, tmp_path / "ben", "hopper", BEN, "friends")

    # Befriend: Ben finds Ana and asks, Ana sees the request and accepts.
    found = ben.predict("ana_co", api_name="/find_people")
    assert "ana_costar" in str(found)
    assert "Request sent to" in ben.predict("ana_costar", "ana_co",
                                            api_name="/send_friend_request")[0]  # fmt: skip
    assert "ben_costar" in str(ana.predict(api_name="/list_friends"))
    assert "are now friends" in ana.predict("ben_costar", "", api_name="/accept_friend")[0]

    # Before Ana's grant, Ben can't cast her double, even with a crafted generate call.
    ben.predict(f"Shot 1 (2s): medium, @{BEN} waves.", api_name="/use_script")
    with pytest.raises(AppError, match="not in the list of choices"):
        ben.predict("", 7, "only_me", "832x480", f"@{ANA}", None, None, None,
                    api_name="/generate_clip")  # fmt: skip
    assert "may now use this double" in ana.predict(ANA, "ben_costar",
                                                    api_name="/grant_double")[0]  # fmt: skip

    # Co-star: Ana casts herself and her friend Ben, for her friends to see.
    ana.predict(DUET, api_name="/use_script")
    video, info = ana.predict("", 11, "friends", "832x480", f"@{ANA}", f"@{BEN}", None, None,
                              api_name="/generate_clip")  # fmt: skip
    assert "Identity check" in info and f"{ANA}: @{ANA}" in info
    probe = probe_mp4(Path(video["path"]))
    assert probe.has_audio and (probe.width, probe.height) == (832, 480)
    assert probe.duration_s == pytest.approx(3.0, abs=0.15)
    assert Path(video["path"]).stat().st_size > 20_000

    # Swap: Ben sees Ana's clip among his friends' clips and stars in her role.
    cards, _videos = feed(ben, "friends")
    assert len(cards) == 1 and r"by ana\_costar" in cards[0]
    (duet_id,) = clip_ids(cards)
    swap_video, swap_info = ben.predict(duet_id, ANA, api_name="/star_in_clip")
    assert f"{ANA}: @{BEN}" in swap_info and f"{BEN}: @{ANA}" in swap_info
    assert probe_mp4(Path(swap_video["path"])).has_audio
    ben_pass = media_pass(ben, running_app)
    assert downloadable(running_app, swap_video, ben_pass)
    # The link is Ben's alone: Ana (who may watch the clip) and a plain request are refused.
    assert not downloadable(running_app, swap_video, media_pass(ana, running_app))
    assert fetch_media(running_app, swap_video["url"])[0] == 403
    # So is the link on Ana's card in his feed (the page plays it in a <video>).
    _cards, (duet_link,) = feed(ben, "friends")
    assert fetch_media(running_app, duet_link, ben_pass)[0] == 200
    assert fetch_media(running_app, duet_link)[0] == 403
    mine, _ = feed(ben, "mine")
    (swap_id,) = clip_ids(mine)

    # A guessed clip id is refused; so is a third person deleting Ana's appearance.
    with pytest.raises(AppError, match="not in the list of choices"):
        ben.predict("0123456789abcdef", ANA, api_name="/star_in_clip")
    cara = signed_in_client(running_app, "cara_costar")
    cara.predict(api_name="/list_appearances")
    # delete_appearance has a validator, which reads the inputs when the call joins the
    # queue: a clip outside Cara's own list is turned away there, as HTTP 400.
    with pytest.raises(httpx.HTTPStatusError) as refused:
        cara.predict(duet_id, True, api_name="/delete_appearance")
    assert refused.value.response.status_code == 400
    assert "not in the list of choices" in refused.value.response.text

    # Ana sees Ben's clip with her double among her appearances and deletes it.
    rows = appearance_rows(ana)
    assert {row[-1] for row in rows} == {duet_id, swap_id}
    swap_row = next(row for row in rows if row[-1] == swap_id)
    assert swap_row[1] == "@ben_costar" and f"@{ANA}" in swap_row[4]
    assert "nobody can watch it" in ana.predict(swap_id, True, api_name="/delete_appearance")

    # Gone for Ben: no video on his card, its old URL is dead, it can't be re-made.
    mine, videos = feed(ben, "mine")
    assert "This clip was deleted" in mine[0] and videos[0] is None
    assert not downloadable(running_app, swap_video, ben_pass)
    with pytest.raises(AppError, match="doesn't exist or you can't see it"):
        ben.predict(swap_id, ANA, api_name="/star_in_clip")
    notes = {row[-1]: row[5] for row in appearance_rows(ana)}  # Ana's list keeps the record
    assert notes == {swap_id: "This clip was deleted.", duet_id: ""}
    assert clip_ids(feed(ben, "friends")[0]) == [duet_id]  # Ana's own clip is untouched

    # Ana withdraws her grant; Ben's stale cast picker can't smuggle her double in.
    ben.predict(DUET, api_name="/use_script")
    ana.predict(ANA, "ben_costar", api_name="/ungrant_double")
    with pytest.raises(AppError, match=f"You can't cast @{ANA}"):
        ben.predict("", 7, "only_me", "832x480", f"@{ANA}", f"@{BEN}", None, None,
                    api_name="/generate_clip")  # fmt: skip
    assert {row[-1] for row in appearance_rows(ana)} == {duet_id, swap_id}  # nothing queued
