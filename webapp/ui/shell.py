"""The whole page: header, account area and tabs, wired to the services."""

from __future__ import annotations

import gradio as gr

from webapp.services import Services
from webapp.ui import (
    account,
    appearances,
    clips_feed,
    doubles,
    friends,
    privacy,
    session,
    studio,
)

TITLE = "Co-Star Studio"
TAGLINE = (
    "Register a consent-verified digital double, then co-star with friends in short "
    "multi-shot clips. Every clip is labelled, watermarked and signed."
)

THEME = gr.themes.Soft(primary_hue="violet", secondary_hue="amber", neutral_hue="slate")
CSS = """
#app-header h1 { margin-bottom: 0.1em; }
#account-status { text-align: right; }
.empty-state { opacity: 0.85; }
/* A gallery with one or two doubles would otherwise stretch each thumbnail to full width. */
#doubles-gallery .grid-container {
  grid-template-columns: repeat(auto-fill, minmax(140px, 180px)) !important;
}
#doubles-gallery .thumbnail-item { max-width: 180px; }
/* Show every preset at once instead of a scrolled box that cuts the second row in half. */
#template-gallery .grid-wrap { max-height: none !important; height: auto !important; }
"""


def build_blocks(services: Services) -> gr.Blocks:
    """Build the Blocks without launching them (Spaces and tests import this)."""
    hf_oauth = services.settings.hf_oauth
    with gr.Blocks(title=TITLE) as blocks:
        session_components = session.render(services.browser_state_secret)
        with gr.Row(elem_id="app-header", equal_height=False):
            with gr.Column(scale=3):
                gr.Markdown(f"# {TITLE}\n{TAGLINE}")
            with gr.Column(scale=2, min_width=240):
                header = account.render_header()
        account_components = account.render(hf_oauth, header)
        with gr.Tabs():
            with gr.Tab("Studio", id="studio"):
                studio_components = studio.render(services.templates)
            with gr.Tab("Clips", id="clips"):
                feed_components = clips_feed.render()
            with gr.Tab("My doubles", id="doubles"):
                doubles_components = doubles.render()
            with gr.Tab("Friends", id="friends"):
                friends_components = friends.render()
            with gr.Tab("Appearances", id="appearances"):
                appearances_components = appearances.render()
            with gr.Tab("My data", id="my-data"):
                privacy_components = privacy.render()
        redraw_for_token = account.listen(
            blocks, account_components, session_components, services.auth, hf_oauth=hf_oauth
        )
        doubles.listen(
            doubles_components, session_components, services.auth, services.doubles,
            services.media_files, services.grants,
        )  # fmt: skip
        friends.listen(friends_components, session_components, services.auth, services.friends)
        studio.listen(
            studio_components, session_components, services.auth, services.clips,
            services.render_workers, services.media_files, services.templates,
        )  # fmt: skip
        account_deletion = privacy.listen(
            privacy_components, session_components, services.auth, services.account_data,
            services.media_files,
        )  # fmt: skip
        # A deleted account's page signs out at once (header, panels), as signing out does.
        account_deletion.then(*redraw_for_token, api_visibility="private")
        clips_feed.listen(
            feed_components, session_components, services.auth, services.feed,
            services.clips, services.render_workers, services.media_files,
        )  # fmt: skip
        appearances.listen(
            appearances_components, session_components, services.auth, services.appearances,
            services.media_files,
        )  # fmt: skip
    blocks.queue(default_concurrency_limit=4)
    return blocks
