"""The blind user's path through NanoBanana Studio, one PASS/FAIL line per step."""
import os
import time

import pyatspi

from walker import (actions, by_role_name, describe, do_action, dump, find, find_all, pump,
                    role, safe, set_text, states, text_of, wait_for, walk_tree)

PROMPT = "A lighthouse knitted from blue wool at dusk"


class Steps:
    def __init__(self):
        self.results = []

    def __call__(self, ok, name, detail=""):
        self.results.append((bool(ok), name))
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f": {detail}" if detail else ""), flush=True)
        return bool(ok)


def page_tab(frame, name):
    return find(frame, by_role_name(pyatspi.ROLE_PAGE_TAB, name))


def showing(acc):
    return acc is not None and pyatspi.STATE_SHOWING in states(acc)


def focused_objects(app):
    return [a for _, a in walk_tree(app) if pyatspi.STATE_FOCUSED in states(a)]


def user_path(app, frame, listener, state):
    step = Steps()

    # 1. Signed in: the File menu says so once opened (it updates on opening), and no banner
    #    asks to sign in.
    file_menu = find(frame, by_role_name(pyatspi.ROLE_MENU_ITEM, "File"))
    opened = do_action(file_menu, "showmenu", "press") if file_menu else None
    pump(1)
    sign_out = find(frame, by_role_name(pyatspi.ROLE_MENU_ITEM, "Sign out"), only_showing=False)
    sign_in = find(frame, by_role_name(pyatspi.ROLE_MENU_ITEM, "Sign in…"), only_showing=False)
    popup = safe(lambda: sign_out.parent)
    popup_shown = showing(popup)
    out_on = sign_out is not None and pyatspi.STATE_ENABLED in states(sign_out)
    in_on = sign_in is not None and pyatspi.STATE_ENABLED in states(sign_in)
    if popup_shown:  # closes it the way it opened
        do_action(file_menu, "showmenu", "press")
        pump(0.5)
        if showing(popup):
            do_action(popup, "close", "hidemenu")
            pump(0.5)
    banners = [text_of(a) or describe(a) for a in find_all(frame, lambda a: role(a) == pyatspi.ROLE_FRAME
                                                            and a.name == "Message")]
    status = [describe(a) for a in find_all(frame, lambda a: role(a) == pyatspi.ROLE_LABEL and
                                            role(a.parent) == pyatspi.ROLE_STATUS_BAR)]
    step(out_on and not in_on and not banners, "signed in",
         f"File menu {opened!r} {'shown' if popup_shown else 'not shown'}: 'Sign out' "
         f"{'enabled' if out_on else 'disabled'}, 'Sign in…' {'enabled' if in_on else 'disabled'}; "
         f"menu {'closed' if not showing(popup) else 'still open'}; banners showing {banners}; "
         f"status bar: {', '.join(status)}")

    # 2. The Generate page.
    tab = page_tab(frame, "Generate")
    did = tab and do_action(tab, "press", "click", "switch")
    pump(1)
    composer = find(frame, by_role_name(pyatspi.ROLE_FILLER, "Generate an image"))
    step(showing(composer), "go to Generate", f"tab {describe(tab)} action {did!r}; "
         f"composer {describe(composer)} {'showing' if showing(composer) else 'not showing'}")
    if not composer:
        return step.results

    # 3. The prompt.
    prompt = find(composer, lambda a: role(a) == pyatspi.ROLE_TEXT and a.name == "Prompt")
    comp = safe(prompt.queryComponent) if prompt else None
    grabbed = safe(lambda: comp.grabFocus(), False) if comp else False
    pump(0.5)
    typed = prompt is not None and set_text(prompt, PROMPT)
    step(typed, "type the prompt", f"{describe(prompt)} EditableText; grabFocus {grabbed}; "
         f"now reads {text_of(prompt)!r}" if prompt else "no text named Prompt")
    focused = focused_objects(app)
    step(len(focused) == 1, "one object focused", "; ".join(describe(a) for a in focused) or "none")

    # 4. Generate.
    submit = wait_for(lambda: find(composer, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON and
                                   a.name.startswith("Generate for") and
                                   pyatspi.STATE_ENABLED in states(a)), 5)
    if not submit:
        submit = find(composer, by_role_name(pyatspi.ROLE_PUSH_BUTTON, startswith="Generate"))
        step(False, "press Generate", f"{describe(submit)} not enabled: "
             f"{safe(lambda: submit.description, '')!r}")
        return step.results
    mark = len(listener.events)
    did = do_action(submit, "press", "click")
    step(did is not None, "press Generate", f"{describe(submit)} action {did!r}")

    # 5. Hear the job finish: the events above are printed as they come; the jobs list is read
    #    only to know when to stop listening and what it says at the end.
    print("  listening to the jobs panel, the status bar and alerts…", flush=True)
    jobs_list = find(frame, by_role_name(pyatspi.ROLE_LIST, "Jobs"), only_showing=False)

    def job_item():
        return find(jobs_list, lambda a: role(a) == pyatspi.ROLE_LIST_ITEM and PROMPT in a.name,
                    only_showing=False)

    seen = wait_for(job_item, 10)
    step(seen is not None, "job appears in the jobs panel",
         f"{describe(seen)} desc={safe(lambda: seen.description, '')!r}" if seen else
         f"jobs list children: {[describe(c) for c in walk_tree(jobs_list)][:5]}")

    def finished_card():
        cards = find_all(frame, lambda a: role(a) == pyatspi.ROLE_LIST_ITEM and
                         a.name.startswith(PROMPT) and a.parent.name == "Images", only_showing=False)
        return [c for c in cards if "being made" not in c.name and "failed" not in c.name]

    done = wait_for(finished_card, 60)
    pump(2)
    lines = listener.lines[mark:]
    heard = listener.events[mark:]
    item = job_item()
    finish_words = ("finished", "done", "complete", "ready")
    in_tree = [l for l in lines if any(w in l.lower() for w in finish_words)]
    spoken = [l for l in lines if "[spoken]" in l and any(w in l.lower() for w in finish_words)]
    focus = focused_objects(app)
    step(done, "the job finishes (gallery card without 'being made')",
         f"{describe(done[0]) if done else 'no finished card'}; job item now {describe(item)} "
         f"desc={safe(lambda: item.description, '')!r}")
    kinds = sorted({t for t, _ in heard})
    print(f"  {len(heard)} events from the jobs panel, status bar and alerts: {', '.join(kinds)}")
    print(f"  {len(in_tree)} of them carry the finish in a name: "
          + " | ".join(l.strip()[:160] for l in in_tree))
    print(f"  focus meanwhile: {'; '.join(describe(a) for a in focus) or 'none'}")
    step(spoken, "hear the job finish (an event a screen reader speaks unprompted)",
         f"{len(spoken)} announcement/alert/live-region/focused-object events say it finished"
         + (f": {spoken[0].strip()}" if spoken else
            "; the finish is only a name change on an unfocused jobs item and the status bar"))

    # 6. Gallery, search.
    tab = page_tab(frame, "Gallery")
    did = tab and do_action(tab, "press", "click", "switch")
    pump(1)
    search = find(frame, lambda a: role(a) == pyatspi.ROLE_TEXT and a.name == "Search prompts")
    step(showing(search), "go to Gallery", f"tab action {did!r}; search field {describe(search)}")
    if not search:
        return step.results
    typed = set_text(search, PROMPT)
    pump(2)
    grid = find(frame, by_role_name(pyatspi.ROLE_LIST, "Images"))
    count = find(frame, lambda a: role(a) == pyatspi.ROLE_LABEL and a.name.endswith("images") or
                 a.name.endswith("image"))
    cards = [c for c in find_all(grid, lambda a: role(a) == pyatspi.ROLE_LIST_ITEM)] if grid else []
    card = next((c for c in cards if c.name.startswith(PROMPT)), None)
    step(typed and card is not None, "search finds the card",
         f"search reads {text_of(search)!r}; count label {describe(count)}; grid {describe(grid)} "
         f"with {safe(lambda: grid.childCount, 0)} children, showing cards "
         f"{[describe(c) for c in cards][:3]}")
    if card is None:
        return step.results
    print(f"  card actions: {actions(card)}")

    # 7. Open.
    mark = len(listener.events)
    did = do_action(card, "press", "open")
    back = wait_for(lambda: (lambda b: b if showing(b) else None)(
        find(frame, by_role_name(pyatspi.ROLE_PUSH_BUTTON, "← Back to gallery"), False)), 5)
    detail = []
    if back:
        detail = [describe(a) + (f" = {text_of(a)!r}" if role(a) == pyatspi.ROLE_LABEL else "")
                  for a in find_all(back.parent, lambda a: role(a) in (
                      pyatspi.ROLE_LABEL, pyatspi.ROLE_IMAGE, pyatspi.ROLE_CHECK_BOX))]
    prompt_shown = any(PROMPT in d for d in detail)
    step(back is not None and prompt_shown, "open the card (its default action)",
         f"action {did!r}; detail view {'showing' if back else 'not showing'}; prompt "
         f"{'read' if prompt_shown else 'not read'} in it; {detail[:12]}")
    image = find(frame, lambda a: role(a) == pyatspi.ROLE_IMAGE and a.name == "Image"
                 and showing(a), False)
    print(f"  image viewer: {describe(image)} desc={safe(lambda: image.description, '')!r}")
    dump(app, os.path.join(state, "tree-detail.txt"))

    # 8. Favourite, through the card's own action. The card read before opening may be gone
    #    from the bus by now (a stale object is an AT-SPI error); a client reads it again.
    stale = safe(lambda: card.name) is None
    card = find(grid, lambda a: role(a) == pyatspi.ROLE_LIST_ITEM and a.name.startswith(PROMPT),
                only_showing=False) or card
    print(f"  the card object read before opening is {'gone' if stale else 'still valid'}")
    did = do_action(card, "toggle", "add to favourites", "favourite")
    fav = wait_for(lambda: next((c for c in find_all(grid, lambda a: role(a) ==
                  pyatspi.ROLE_LIST_ITEM and a.name.startswith(PROMPT), only_showing=False)
                  if "favourite" in c.name), None), 5)
    card = fav or card
    box = find(frame, lambda a: role(a) == pyatspi.ROLE_CHECK_BOX and a.name.endswith("Favourite"))
    boxed = wait_for(lambda: box is not None and pyatspi.STATE_CHECKED in states(box), 3)
    step(fav, "favourite it (the card's toggle action)",
         f"action {did!r}; card now {describe(card)}; detail's check box {describe(box)} "
         f"{'checked' if boxed else 'not checked'}")

    # 9. Back to the gallery, select the card, Export.
    if back:
        do_action(back, "press", "click")
        pump(1)
    sel = safe(grid.querySelection)
    idx = safe(lambda: card.getIndexInParent(), -1)
    selected = safe(lambda: sel.selectChild(idx), False) if sel else None
    pump(0.5)
    step(pyatspi.STATE_SELECTED in states(card), "select the card (Selection interface)",
         f"selectChild({idx}) -> {selected}; card states "
         f"{[n for s, n in ((pyatspi.STATE_SELECTED, 'selected'), (pyatspi.STATE_FOCUSED, 'focused')) if s in states(card)]}")
    export = find(frame, by_role_name(pyatspi.ROLE_PUSH_BUTTON, "Export…"))
    win_mark = len(listener.windows)
    t0 = time.monotonic()
    try:
        export.queryAction().doAction(0)
        blocked = ""
    except Exception as e:
        blocked = f" (the action call did not return: {str(e)[:80]})"
    waited = time.monotonic() - t0
    dialog = wait_for(lambda: next((w for w in app_children(app) if w.name != frame.name
                                    and showing(w)), None), 10)
    step(dialog is not None, "Export opens a dialog",
         f"after {waited:.1f}s{blocked}; {describe(dialog)}; window events "
         f"{[(t, describe(s)) for t, s in listener.windows[win_mark:]][:6]}")
    if dialog is None:
        return step.results
    dump(dialog, os.path.join(state, "tree-export.txt"))
    controls = [describe(a) for a in find_all(dialog, lambda a: pyatspi.STATE_FOCUSABLE in states(a))]
    print(f"  export dialog exposes {len(controls)} focusable objects: {controls[:40]}")
    target = os.path.join(state, "export")
    os.makedirs(target, exist_ok=True)
    entry = find(dialog, lambda a: role(a) == pyatspi.ROLE_TEXT and pyatspi.STATE_EDITABLE in states(a))
    filled = entry is not None and set_text(entry, target)
    choose = find(dialog, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON and a.name in (
        "Choose", "&Choose", "Open", "Save", "OK", "Select Folder", "Export"))
    entry_text, choose_text = describe(entry), describe(choose)
    did = choose and pyatspi.STATE_ENABLED in states(choose) and do_action(choose, "press", "click")
    written = wait_for(lambda: [f for f in os.listdir(target)] or None, 20)
    if not written:
        cancel = find(dialog, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON and a.name == "Cancel")
        if cancel and showing(dialog):
            do_action(cancel, "press", "click")
    step(written, "export the image through the dialog",
         f"entry {entry_text} filled {filled}; button {choose_text} action {did!r}; "
         f"files in {target}: {sorted(written or [])[:6]}")
    pump(2)
    return step.results


def app_children(app):
    return [app.getChildAtIndex(i) for i in range(app.childCount)]
