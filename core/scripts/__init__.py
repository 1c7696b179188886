"""Scripts: the multi-shot stories clips are made from.

Owns the script model (roles, shots, dialogue) and its checks, the free-text parser ("Shot 1:
… @maya …", "镜头一，…"), casting doubles into roles (with the owners' restrictions) and the
preset templates.
"""

from core.scripts.model import DialogueLine, Role, Script, ScriptError, Shot
from core.scripts.parser import parse_script
from core.scripts.templates import Template, load_templates

__all__ = [
    "DialogueLine",
    "Role",
    "Script",
    "ScriptError",
    "Shot",
    "Template",
    "load_templates",
    "parse_script",
]
