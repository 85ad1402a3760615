"""The AT-SPI side of walk.py: everything here goes through pyatspi only."""
import collections
import os
import time

import pyatspi
from gi.repository import GLib

APP_NAME = "nanobanana-studio"
INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_MENU,
    pyatspi.ROLE_LINK, pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_TREE_ITEM, pyatspi.ROLE_SCROLL_BAR,
}


def pump(seconds):
    """Lets the GLib loop deliver events for a while."""
    ctx = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while ctx.pending():
            ctx.iteration(False)
        time.sleep(0.02)


def safe(fn, default=None):
    try:
        return fn()
    except Exception:
        return default


def describe(acc):
    if acc is None:
        return "<none>"
    return f"[{safe(acc.getRoleName, '?')}] {safe(lambda: acc.name, '')!r}"


def children(acc):
    n = safe(lambda: acc.childCount, 0) or 0
    for i in range(min(n, 2000)):
        c = safe(lambda: acc.getChildAtIndex(i))
        if c is not None:
            yield c


def walk_tree(root, only_showing=False, depth=0, out=None):
    out = [] if out is None else out
    out.append((depth, root))
    for c in children(root):
        if only_showing:
            st = safe(c.getState)
            if st is not None and not st.contains(pyatspi.STATE_SHOWING):
                continue
        walk_tree(c, only_showing, depth + 1, out)
    return out


def find(root, pred, only_showing=True):
    for _, acc in walk_tree(root, only_showing):
        if safe(lambda: pred(acc), False):
            return acc
    return None


def find_all(root, pred, only_showing=True):
    return [a for _, a in walk_tree(root, only_showing) if safe(lambda: pred(a), False)]


def role(acc):
    return safe(acc.getRole)


def states(acc):
    st = safe(acc.getState)
    return set(st.getStates()) if st else set()


def actions(acc):
    ai = safe(acc.queryAction)
    if ai is None:
        return []
    out = []
    for i in range(safe(lambda: ai.nActions, 0)):
        out.append((safe(lambda: ai.getName(i), ""), safe(lambda: ai.getLocalizedName(i), ""),
                    safe(lambda: ai.getDescription(i), "")))
    return out


def do_action(acc, *names):
    """Runs the first action whose name or localized name matches one of names."""
    ai = safe(acc.queryAction)
    if ai is None:
        return None
    for i in range(safe(lambda: ai.nActions, 0)):
        # Qt 6.4 does not answer GetLocalizedName; the name alone is what a client can match.
        if safe(lambda: ai.getName(i), "").lower() in names:
            ai.doAction(i)
            return ai.getName(i)
    return None


def find_app(timeout=30):
    desktop = pyatspi.Registry.getDesktop(0)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for app in children(desktop):
            if safe(lambda: app.name, "") in (APP_NAME, "NanoBanana Studio"):
                for w in children(app):
                    if role(w) == pyatspi.ROLE_FRAME:
                        return app, w
        pump(0.5)
    return None, None


def figures(app, label):
    tree = walk_tree(app)
    roles = collections.Counter(safe(a.getRoleName, "?") for _, a in tree)
    showing = [a for _, a in tree if pyatspi.STATE_SHOWING in states(a)]
    inter = [a for a in showing if role(a) in INTERACTIVE or
             pyatspi.STATE_FOCUSABLE in states(a)]
    named = [a for a in inter if (safe(lambda: a.name, "") or "").strip()]
    every = [a for _, a in tree if role(a) in INTERACTIVE or pyatspi.STATE_FOCUSABLE in states(a)]
    every_named = [a for a in every if (safe(lambda: a.name, "") or "").strip()]
    focused = [a for _, a in tree if pyatspi.STATE_FOCUSED in states(a)]
    print(f"\n== figures: {label}")
    print(f"objects {len(tree)}, showing {len(showing)}, interactive showing {len(inter)}, "
          f"named {len(named)} ({100 * len(named) // max(1, len(inter))} %); all interactive "
          f"(showing or not) {len(every)}, named {len(every_named)} "
          f"({100 * len(every_named) // max(1, len(every))} %)")
    print(f"objects reporting focused: {len(focused)}: " + "; ".join(describe(a) for a in focused))
    print("roles: " + ", ".join(f"{r} {n}" for r, n in roles.most_common()))
    unnamed = [a for a in inter if a not in named]
    if unnamed:
        print("unnamed interactive: " + "; ".join(
            f"{describe(a)} in {describe(safe(lambda: a.parent))}" for a in unnamed[:20]))
    return tree


def dump(app, path):
    with open(path, "w") as f:
        for depth, a in walk_tree(app):
            st = states(a)
            flags = "".join(c for s, c in ((pyatspi.STATE_SHOWING, "s"), (pyatspi.STATE_FOCUSABLE, "f"),
                                            (pyatspi.STATE_FOCUSED, "F"), (pyatspi.STATE_ENABLED, "e"))
                            if s in st)
            acts = ",".join(n for n, _, _ in actions(a))
            desc = safe(lambda: a.description, "")
            f.write(f"{'  ' * depth}{describe(a)} <{flags}> {acts} {desc!r}\n")


def ancestors(acc):
    out = []
    p = safe(lambda: acc.parent)
    while p is not None and len(out) < 40:
        out.append(p)
        if role(p) == pyatspi.ROLE_APPLICATION:
            break
        p = safe(lambda: p.parent)
    return out


class Listener:
    """Keeps every event a screen reader would be told about from the jobs panel, the status
    bar, a message banner or an alert, and the windows that open."""
    TYPES = ["object:state-changed", "object:property-change", "object:announcement",
             "object:children-changed", "object:text-changed", "window:", "object:active-descendant-changed"]

    def __init__(self, pid):
        self.pid = pid
        self.events = []
        self.lines = []
        self.windows = []
        for t in self.TYPES:
            pyatspi.Registry.registerEventListener(self.on_event, t)

    def relevant(self, ev):
        src = ev.source
        r = role(src)
        if ev.type.startswith("window:") or "announcement" in ev.type:
            return True
        if r in (pyatspi.ROLE_ALERT, pyatspi.ROLE_NOTIFICATION, pyatspi.ROLE_STATUS_BAR):
            return True
        chain = [src] + ancestors(src)
        for a in chain:
            n = safe(lambda: a.name, "")
            ar = role(a)
            if ar == pyatspi.ROLE_STATUS_BAR or ar == pyatspi.ROLE_ALERT:
                return True
            if n in ("Jobs", "Message") and ar in (pyatspi.ROLE_FRAME, pyatspi.ROLE_LIST):
                return True
        return False

    def on_event(self, ev):
        try:
            if safe(lambda: ev.host_application.get_process_id(), None) not in (None, self.pid):
                return
            if ev.type.startswith("window:"):
                self.windows.append((ev.type, ev.source))
            if not self.relevant(ev):
                return
            any_data = ev.any_data
            if hasattr(any_data, "name"):
                any_data = describe(any_data)
            st = states(ev.source)
            attrs = safe(lambda: ev.source.getAttributes(), []) or []
            live = [a for a in attrs if a.startswith(("live:", "container-live:"))]
            # What Orca speaks without the user moving: announcements, alerts and
            # notifications, live regions, and changes to the object that has focus.
            speaks = ("announcement" in ev.type or role(ev.source) in (
                pyatspi.ROLE_ALERT, pyatspi.ROLE_NOTIFICATION) or bool(live) or
                (pyatspi.STATE_FOCUSED in st and ("accessible-name" in ev.type or
                                                  "accessible-description" in ev.type)))
            self.events.append((ev.type, speaks))
            line = (f"  event{' [spoken]' if speaks else ''} {ev.type} {ev.detail1},{ev.detail2} {any_data!r} from {describe(ev.source)}"
                    f" desc={safe(lambda: ev.source.description, '')!r}")
            self.lines.append(line)
            print(line, flush=True)
        except Exception as e:  # a listener must never raise into the loop
            print(f"  (event not readable: {e})")


def wait_for(pred, timeout, step=0.2):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = safe(pred)
        if v:
            return v
        pump(step)
    return None


def by_role_name(role_, name=None, startswith=None):
    def pred(a):
        if role(a) != role_:
            return False
        n = a.name or ""
        if name is not None and n != name:
            return False
        if startswith is not None and not n.startswith(startswith):
            return False
        return True
    return pred


def text_of(acc):
    t = safe(acc.queryText)
    return safe(lambda: t.getText(0, -1), None) if t else None


def set_text(acc, value):
    et = safe(acc.queryEditableText)
    if et is None:
        return False
    if not safe(lambda: et.setTextContents(value), False):
        # Qt answers setTextContents through its EditableText; insertText is the fallback.
        safe(lambda: et.deleteText(0, 10000))
        safe(lambda: et.insertText(0, value, len(value)))
    pump(0.5)
    return text_of(acc) == value


def walk(app_proc, state):
    from walkpath import user_path
    app, frame = find_app()
    if app is None:
        print("FAIL  find the app on the AT-SPI bus")
        return 1
    print(f"PASS  find the app: {describe(app)}, window {describe(frame)}")
    listener = Listener(app_proc.pid)
    pump(3)
    figures(app, "after start")
    dump(app, os.path.join(state, "tree-start.txt"))
    results = user_path(app, frame, listener, state)
    figures(app, "at the end")
    dump(app, os.path.join(state, "tree-end.txt"))
    fails = [n for ok, n in results if not ok]
    print(f"\n{len(results) - len(fails)} of {len(results)} steps passed"
          + (f"; failed: {', '.join(fails)}" if fails else ""))
    return 1 if fails else 0
