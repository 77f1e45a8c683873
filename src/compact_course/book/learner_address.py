"""Where the learner edition is published, for facilitators to share (issue 27).

An organisation that publishes the course on the web sets the learner edition's address once,
in ``_config.yml`` (``sphinx: config: compact_learner_address: "https://…/"``). The facilitator
edition then gives participants that address, never its own: the presenter's participants' link
(the lesson's page in the learner edition, through the course manifest's ``learnerAddress``) and
the Downloads page (the ``learner-address`` directive). Without it they say to share the
learner zip instead. The address is checked when the build starts.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.util.docutils import SphinxDirective

from compact_course.core.course import cached_course
from compact_course.core.interface_models import fill

SETTING = "compact_learner_address"


def checked_address(value: object) -> str | None:
    """The address as the pages use it (ending in "/"), None if unset; ValueError if it is not
    an http(s) address without a query or fragment."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"{SETTING} must be text, not {type(value).__name__}")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(
            f"{SETTING} must be an http(s) address of the learner edition's folder, such as "
            f"https://learning.example.org/compact/ (got {value!r})"
        )
    return value.strip().rstrip("/") + "/"


def _check(app, config) -> None:
    try:
        config[SETTING] = checked_address(config[SETTING]) or ""
    except ValueError as error:
        raise ConfigError(f"_config.yml: sphinx.config.{SETTING}: {error}") from None


class LearnerAddress(SphinxDirective):
    """The learner edition's address as a link, or what to share when none is set."""

    def run(self) -> list[nodes.Node]:
        words = cached_course(str(self.env.srcdir)).interface.presenter
        address = self.config[SETTING]
        paragraph = nodes.paragraph(classes=["cc-learner-address"])
        if address:
            before, _, after = words.share_learner_address.partition("{address}")
            paragraph += [nodes.Text(before), nodes.reference(address, address, refuri=address), nodes.Text(after)]
        else:
            paragraph += nodes.Text(fill(words.share_no_learner_address, setting=SETTING))
        return [paragraph]


def setup(app):
    app.add_config_value(SETTING, "", "html", types=[str])
    app.connect("config-inited", _check)
    app.add_directive("learner-address", LearnerAddress)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
