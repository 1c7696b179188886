"""What the services say about doubles, reference checks and voice samples,
in 简体中文, Bahasa Indonesia and Català.

The English of each sentence is written where it is said (``core.sentences.sentence``); these are
its translations, by the same key and with the same {placeholders}.
"""

TRANSLATIONS: dict[str, dict[str, str]] = {
    "zh-CN": {},
    "id": {},
    "ca": {},
}
