"""Acting: cast members that perform the script's actions in the embedded renderer.

Owns the action timeline (which role does what, when: :mod:`core.acting.timeline`, plain data
that sound can key foley off), body rigs built at registration from pose landmarks
(:mod:`core.acting.rig`, :mod:`core.acting.pose`), poses per action (:mod:`core.acting.motion`),
drawn figures and props (:mod:`core.acting.figure`, :mod:`core.acting.props`), blocking by
framing, and compositing cut-outs into painted scenes (grade, rim light, soft edges, contact
shadows). The words that name actions live in :mod:`core.scripts.actions`.

Kept import-light on purpose: :mod:`core.reference.sprite` stores a rig, so this package's
``__init__`` must not pull the renderer in.
"""
