"""The whole page: header, account area and tabs, wired to the services."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from webapp.i18n import LANGUAGE_CHOICES, label
from webapp.services import Services
from webapp.ui import (
    account,
    appearances,
    clip_cards,
    clips_feed,
    doubles,
    friends,
    live,
    media_pass,
    page_js,
    privacy,
    session,
    studio,
)

TITLE = "Co-Star Studio"

THEME = gr.themes.Soft(primary_hue="violet", secondary_hue="amber", neutral_hue="slate")
# The page's styles live in assets/css/app.css (phone layout, focus rings, fonts).
CSS_FILE = Path(__file__).resolve().parents[2] / "assets" / "css" / "app.css"
CSS = CSS_FILE.read_text(encoding="utf-8")


def _tab_names() -> tuple[gr.Tab, gr.Tab, gr.Tab]:
    return (gr.Tab(label=label("tab.studio")), gr.Tab(label=label("tab.doubles")),
            gr.Tab(label=label("tab.my_data")))  # fmt: skip


def build_blocks(services: Services) -> gr.Blocks:
    """Build the Blocks without launching them (Spaces and tests import this)."""
    hf_oauth = services.settings.hf_oauth
    with gr.Blocks(title=TITLE) as blocks:
        session_components = session.render(services.browser_state_secret)
        live_components = live.render()
        pass_ticket, pass_button = media_pass.render()
        with gr.Row(elem_id="app-header", equal_height=False):
            with gr.Column(scale=3):
                gr.Markdown(f"# {TITLE}", elem_id="app-title")
                # What the app does, in one sentence, then the three steps to a first clip.
                gr.Markdown(label("app.tagline"), elem_id="app-tagline")
                gr.Markdown(label("app.first_steps"), elem_id="first-steps")
            with gr.Column(scale=2, min_width=240):
                language = gr.Dropdown(
                    LANGUAGE_CHOICES, value="en", label=label("language.label"),
                    elem_id="ui-language", min_width=160,
                )  # fmt: skip
                header = account.render_header()
        account_components = account.render(hf_oauth, header)
        # "wrap": on a phone every section stays one tap away under its name, never behind
        # Gradio's unlabelled overflow menu.
        with gr.Tabs(elem_id="main-tabs", overflow_behavior="wrap") as tabs:
            with gr.Tab(label("tab.studio"), id="studio", elem_id="tab-studio") as studio_tab:
                studio_components = studio.render(services.templates)
            with gr.Tab(label("tab.clips"), id="clips", elem_id="tab-clips") as clips_tab:
                feed_components = clips_feed.render()
            with gr.Tab(label("tab.doubles"), id="doubles", elem_id="tab-doubles") as doubles_tab:
                doubles_components = doubles.render()
            with gr.Tab(label("tab.friends"), id="friends", elem_id="tab-friends") as friends_tab:
                friends_components = friends.render()
            with gr.Tab(
                label("tab.appearances"), id="appearances", elem_id="tab-appearances"
            ) as appearances_tab:
                appearances_components = appearances.render()
            with gr.Tab(label("tab.my_data"), id="my-data", elem_id="tab-my-data") as my_data_tab:
                privacy_components = privacy.render()
        redraw_for_token = account.listen(
            blocks, account_components, session_components, services.auth, hf_oauth=hf_oauth,
            language=language,
        )  # fmt: skip
        media_pass.listen(
            pass_ticket, pass_button, session_components, services.auth, services.media_passes
        )
        doubles.listen(
            doubles_components, session_components, services.auth, services.doubles,
            services.media_files, services.grants, language,
        )  # fmt: skip
        friends_redraw = friends.listen(
            friends_components, session_components, services.auth, services.friends, language
        )
        studio.listen(
            studio_components, session_components, services.auth, services.clips,
            services.render_workers, services.media_files, services.templates, language,
        )  # fmt: skip
        studio.listen_first_clip(
            studio_components, doubles_components.first_clip_button,
            doubles_components.new_double_handle, tabs, session_components, services.auth,
            services.clips, services.templates, language,
        )  # fmt: skip
        account_deletion = privacy.listen(
            privacy_components, session_components, services.auth, services.account_data,
            services.media_files, language,
        )  # fmt: skip
        # A deleted account's page signs out at once (header, panels), as signing out does.
        account_deletion.then(*redraw_for_token, api_visibility="private")
        feed_redraw = clips_feed.listen(
            feed_components, session_components, services.auth, services.feed,
            services.clips, services.render_workers, services.media_files, language,
        )  # fmt: skip
        appearances_redraw = appearances.listen(
            appearances_components, session_components, services.auth, services.appearances,
            services.media_files, language,
        )  # fmt: skip
        clip_cards.listen(
            feed_components, session_components, services.auth, services.feed, services.clips,
            services.render_workers, services.media_files, services.appearances, feed_redraw,
            language,
        )  # fmt: skip
        live.listen(
            live_components, live.LiveTabs(clips_tab, friends_tab, appearances_tab),
            session_components, services.auth, services.live, language,
        )  # fmt: skip
        live.redraw_on_change(live_components.friends_changed, friends_redraw)
        live.redraw_on_change(live_components.appearances_changed, appearances_redraw)
        # My clips' states change when a render finishes or a clip is deleted; clips featuring
        # me change with my appearances.
        live.redraw_on_change(live_components.clips_changed, feed_redraw)
        live.redraw_on_change(live_components.appearances_changed, feed_redraw)
        # What the server wrote on these lists is in the page's language: redraw on a switch.
        for redraw in (feed_redraw, friends_redraw, appearances_redraw):
            live.redraw_on_change(language, redraw)
        languages = [code for _name, code in LANGUAGE_CHOICES]
        blocks.load(None, None, [language], js=page_js.follow_language(languages))
        language.input(
            None, [language], [language], js=page_js.switch_language(languages),
            api_visibility="private",
        )  # fmt: skip
        # Gradio translates a tab's name when the tab is drawn, not when the language changes:
        # send the names again (the live poller does so for the tabs that carry counts).
        language.change(
            _tab_names, None, [studio_tab, doubles_tab, my_data_tab], api_visibility="private",
            show_progress="hidden",
        )  # fmt: skip
        blocks.load(None, js=page_js.KNOW_RECORDING_LENGTH)
        blocks.load(None, js=page_js.NAME_CONTROLS)
        blocks.load(None, js=media_pass.RETRY_REFUSED_MEDIA)
    blocks.queue(default_concurrency_limit=4)
    return blocks
