"""Precision and recall of owners' restrictions on the labelled phrase set (docs/restrictions.md).

Run: .venv/bin/python benchmarks/restriction_set.py
"""

import time

from core.scripts.restrictions import (
    category_scores,
    describe_rules,
    embed_phrases,
    find_restriction_match,
    understand_restrictions,
)
from tests.restriction_phrases import LABELLED, OWNER_WORDINGS


def main() -> None:
    started = time.perf_counter()
    embed_phrases(["warm up"])
    print(f"sentence model load: {time.perf_counter() - started:.1f} s")
    outcomes = {"tp": 0, "fn": 0, "fp": 0, "tn": 0}
    for restriction, text, should_block in LABELLED:
        rules = understand_restrictions(restriction)
        matches = [m for rule in rules if (m := find_restriction_match(text, rule))]
        blocked = bool(matches)
        key = {(True, True): "tp", (True, False): "fn", (False, True): "fp", (False, False): "tn"}
        outcomes[key[(should_block, blocked)]] += 1
        if blocked != should_block:
            words = matches[0].words if matches else "-"
            print(f"  WRONG {restriction!r:24} {text!r} (matched {words!r})")
    tp, fn, fp, tn = (outcomes[k] for k in ("tp", "fn", "fp", "tn"))
    print(f"{len(LABELLED)} phrases: {tp + fn} should block, {fp + tn} benign look-alikes")
    print(
        f"recall {tp}/{tp + fn} = {tp / (tp + fn):.1%}; benign refused {fp}/{fp + tn} = "
        f"{fp / (fp + tn):.1%}; precision {tp}/{tp + fp} = {tp / max(1, tp + fp):.1%}"
    )
    right = 0
    for wording, category in OWNER_WORDINGS:
        rules = understand_restrictions(wording)
        got = {name for rule in rules for name in rule.categories}
        right += got == ({category} if category else set())
        scores = category_scores(rules[-1].phrase) if rules[-1].understood_by != "words" else {}
        best = sorted(scores.items(), key=lambda item: -item[1])[:2]
        shown = ", ".join(f"{name} {score:.2f}" for name, score in best)
        flag = "" if got == ({category} if category else set()) else f"  <-- want {category}"
        how = "/".join(rule.understood_by for rule in rules)
        print(f"  {wording!r:28} -> {sorted(got) or 'literal'} ({how}) {shown}{flag}")
    print(f"owner wordings understood: {right}/{len(OWNER_WORDINGS)}")
    for line in describe_rules(understand_restrictions("no alcohol; nothing gory; no cats")):
        print("  " + line)


if __name__ == "__main__":
    main()
