"""A labelled set of script phrases for owners' restrictions (English and Chinese).

Each row: (owner's restriction, script text, should it be refused). Should-block rows are ways
a script really breaks the restriction; benign rows are look-alikes that share words or topic
with it and must pass. Also owners' own wordings with the category they mean.
Used by tests/core/scripts/test_restriction_set.py and benchmarks/restriction_set.py.
"""

from __future__ import annotations

LABELLED: tuple[tuple[str, str, bool], ...] = (
    # --- no alcohol: should block
    ("no alcohol", "@cara sits at a bar and raises a glass of beer", True),
    ("no alcohol", "@cara drinks the beer", True),
    ("no alcohol", "They share a bottle of red wine over dinner", True),
    ("no alcohol", "@maya orders two cocktails", True),
    ("no alcohol", "Everyone gets drunk at the party", True),
    ("no alcohol", "They raise a toast with champagne", True),
    ("no alcohol", "He pours a shot of tequila", True),
    ("no alcohol", "A whisky on the rocks, please", True),
    ("no alcohol", "@cara wakes up with a hangover", True),
    ("no alcohol", "镜头一，@cara 在酒吧喝啤酒", True),
    ("no alcohol", "他们一起喝酒", True),
    ("no alcohol", "举起香槟干杯", True),
    ("禁止喝酒", "@cara drinks red wine at dinner", True),
    ("禁止喝酒", "他们在喝啤酒", True),
    # --- no alcohol: benign look-alikes
    ("no alcohol", "@cara drinks orange juice", False),
    ("no alcohol", "She points at a bar chart on the screen", False),
    ("no alcohol", "He eats a chocolate bar", False),
    ("no alcohol", "They drink hot tea and laugh", False),
    ("no alcohol", "A slice of toast with jam for breakfast", False),
    ("no alcohol", "Ginger cookies on the table", False),
    ("no alcohol", "For the sake of the team, she keeps going", False),
    ("no alcohol", "他们住进一家酒店", False),
    ("no alcohol", "他们喝果汁", False),
    ("禁止喝酒", "@cara 喝一杯热茶", False),
    # --- no violence: should block
    ("no violence", "@rex punches @maya in the face", True),
    ("no violence", "A sword fight on the rooftop", True),
    ("no violence", "He shoots at the car", True),
    ("no violence", "She stabs the villain", True),
    ("no violence", "The two of them fight in the street", True),
    ("no violence", "@rex kicks him hard", True),
    ("no violence", "A gun on the table", True),
    ("no violence", "他们在街上打架", True),
    ("no violence", "他拔出刀", True),
    ("不要暴力", "@rex punches the thief", True),
    ("不要暴力", "他开枪了", True),
    # --- no violence: benign look-alikes
    ("no violence", "@maya tells a joke and lands the punchline", False),
    ("no violence", "A bowl of fruit punch on the table", False),
    ("no violence", "They hug at the airport", False),
    ("no violence", "A photo shoot in the park", False),
    ("no violence", "She shoots a video of the sunset", False),
    ("no violence", "He kicks the ball into the goal", False),
    ("no violence", "A pillow fight at the sleepover", False),
    ("no violence", "They watch a shooting star", False),
    ("no violence", "他们在公园散步", False),
    ("no violence", "她用剪刀剪纸", False),
    # --- no kissing: should block
    ("no kissing", "@maya kisses @rex goodbye", True),
    ("no kissing", "They smooch under the mistletoe", True),
    ("no kissing", "A quick kiss on the cheek", True),
    ("no kissing", "The couple make out in the car", True),
    ("no kissing", "他们接吻", True),
    ("no kissing", "她亲吻了他的脸颊", True),
    ("不要亲吻", "@maya kisses him", True),
    # --- no kissing: benign look-alikes
    ("no kissing", "They hugs and wave goodbye", False),
    ("no kissing", "@maya hugs @rex", False),
    ("no kissing", "She blows out the candles", False),
    ("no kissing", "两人的想法完全吻合", False),
    ("no kissing", "他们拥抱告别", False),
    # --- other categories, and the owner's own wording
    ("no smoking", "@rex lights a cigarette", True),
    ("no smoking", "The smoke alarm beeps while she cooks", False),
    ("no gambling", "They play poker at the casino", True),
    ("no gambling", "They play cards for fun", False),
    ("nothing boozy", "He sips a margarita", True),
    ("nothing boozy", "He sips lemonade", False),
    ("no fisticuffs", "@rex punches the thief", True),
    ("no fisticuffs", "@rex shakes hands with the thief", False),
    ("no smooching", "They kiss at the altar", True),
    ("no smooching", "They dance at the wedding", False),
    ("no cats", "A cat sleeps on the sofa", True),
    ("no cats", "A dog sleeps on the sofa", False),
)

# Owners' wordings and the category they should be understood as ("" for none).
OWNER_WORDINGS: tuple[tuple[str, str], ...] = (
    ("no alcohol", "alcohol"),
    ("no drinking", "alcohol"),
    ("nothing boozy", "alcohol"),
    ("no getting wasted", "alcohol"),
    ("不要喝酒", "alcohol"),
    ("禁止饮酒", "alcohol"),
    ("no violence", "violence"),
    ("no fisticuffs", "violence"),
    ("nothing bloody or gory", "violence"),
    ("no weapons", "violence"),
    ("不要暴力", "violence"),
    ("no kissing", "kissing"),
    ("no smooching", "kissing"),
    ("no romance", "kissing"),
    ("不要亲吻", "kissing"),
    ("no smoking", "smoking"),
    ("no cigarettes", "smoking"),
    ("no drugs", "drugs"),
    ("no nudity", "nudity"),
    ("no gambling", "gambling"),
    ("no bad language", "swearing"),
    ("no cats", ""),
    ("no horror movies", ""),
)
