# Writes tests/eval/generated.jsonl: cases made from the catalog text with the damage real pastes
# have (truncation, typos, lost diacritics, split compounds, log wrappers with GUIDs and dates).
# Deterministic (fixed seed). Run from the project root:
#   python3 tests/eval/generate.py > tests/eval/generated.jsonl
import json, random, re, unicodedata

rng = random.Random(20261122)

def unescape(s):
    return s.replace('\\t', '\t').replace('\\n', '\n').replace('\\\\', '\\')

def plain(rich):
    # Strip the catalog's inline markup; blocks become sentences.
    t = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', rich)
    t = t.replace('**', '').replace('`', '').replace('*', '')
    t = t.replace('\\', '')
    return [b.strip() for b in re.split('[¶•]', t) if b.strip()]

entries = []
cur = None
for line in open('catalog/catalog.txt', encoding='utf-8'):
    line = line.rstrip('\n')
    if not line or line.startswith('#'):
        continue
    f = line.split('\t')
    if f[0] == 'E':
        cur = {'key': f[1], 'kind': f[2], 'locales': {}}
        entries.append(cur)
    elif f[0] == 'L':
        lang = f[1]
        cur['locales'][lang] = {'title': '', 'message': '', 'meaning': [], 'action': []}
    elif f[0] in 'TSWA':
        loc = cur['locales'][lang]
        v = unescape(f[1])
        if f[0] == 'T': loc['title'] = v
        elif f[0] == 'S': loc['message'] = v
        elif f[0] == 'W': loc['meaning'] = plain(v)
        else: loc['action'] = plain(v)

def fold(s):
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if not unicodedata.combining(c)).lower()

def first_sentence(s):
    m = re.match(r'(.{25,}?[.!?])(\s|$)', s)
    return (m.group(1) if m else s).strip()

def typos(s, n=3):
    words = s.split(' ')
    idx = [i for i, w in enumerate(words) if len(w) >= 5]
    rng.shuffle(idx)
    for i in idx[:n]:
        w = list(words[i])
        j = rng.randrange(1, len(w) - 1)
        op = rng.choice(['del', 'swap', 'dup'])
        if op == 'del': del w[j]
        elif op == 'swap': w[j], w[j - 1] = w[j - 1], w[j]
        else: w.insert(j, w[j])
        words[i] = ''.join(w)
    return ' '.join(words)

def strip_diacritics(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))

# Folded full texts per language, to keep a truncation only where it still says which entry.
texts = {}
def truncate(s, frac=0.6, key=None, lang=None):
    w = s.split(' ')
    t = ' '.join(w[:max(4, int(len(w) * frac))])
    ft = fold(t)
    if key and any(ft in other for (k, l), other in texts.items() if l == lang and k != key):
        return s  # the cut would leave only text other entries share: keep it whole
    return t

def guid():
    h = '%032x' % rng.getrandbits(128)
    return f'{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}'

def date():
    return f'{rng.randint(1,12)}/{rng.randint(1,28)}/202{rng.randint(2,5)} {rng.randint(1,12)}:{rng.randint(10,59)}:{rng.randint(10,59)} PM'

# Sentences that stand in several entries (same language) make those entries equally right.
owners = {}
for e in entries:
    for lang, loc in e['locales'].items():
        for s in [loc['message'], loc['title']] + loc['meaning'] + loc['action']:
            for sent in re.split(r'(?<=[.!?])\s', s):
                k = (lang, fold(sent).strip())
                if len(k[1]) > 20:
                    owners.setdefault(k, set()).add(e['key'])

def alts(key, lang, text):
    out = set()
    for sent in re.split(r'(?<=[.!?])\s', text):
        out |= owners.get((lang, fold(sent).strip()), set())
    out.discard(key)
    return sorted(out)

for e in entries:
    for lang, loc in e['locales'].items():
        texts[(e['key'], lang)] = fold(' '.join([loc['message'], loc['title']] + loc['meaning'] + loc['action']))

cases = []
def add(kind, lang, query, key, source_text):
    c = {'id': f'gen-{len(cases)+1:03d}', 'query': query, 'lang': lang, 'expect': [key], 'kind': kind}
    a = alts(key, lang, source_text)
    if a: c['alt_ok'] = a
    cases.append(c)

variants = ['exact', 'truncate', 'typo', 'nodiacritics', 'wrapper', 'meaning']
vi = 0
for e in entries:
    if e['kind'] == 'guide':
        continue
    for lang, loc in sorted(e['locales'].items()):
        msg = loc['message'].split('\n')[0]
        meaning = loc['meaning'][0] if loc['meaning'] else ''
        key = e['key']
        v = variants[vi % len(variants)]
        vi += 1
        if e['kind'] == 'event':
            # People paste the description of an event, or the event wrapped in its log entry.
            text = first_sentence(meaning)
            if v in ('wrapper', 'exact'):
                q = (f"Log Name: Application\nSource: PasswordResetService\nDate: {date()}\nEvent ID: {key[6:]}\n"
                     f"Level: Error\nUser: N/A\nComputer: AADC{rng.randint(1,9)}.corp.example.com\nDescription:\nTrackingId: {guid()}, {loc['title']}")
                add('paste', lang, q, key, text)
            elif v == 'typo':
                add('typo', lang, typos(text), key, text)
            elif v == 'nodiacritics':
                add('typo', lang, strip_diacritics(text), key, text)
            else:
                add('paraphrase', lang, truncate(text, 0.6, key, lang), key, text)
            continue
        base = msg if len(msg) >= 20 else first_sentence(meaning)
        if len(base) < 15:
            continue
        if v == 'exact':
            add('paste', lang, base, key, base)
        elif v == 'truncate':
            add('paste', lang, truncate(base, 0.6, key, lang), key, base)
        elif v == 'typo':
            add('typo', lang, typos(base), key, base)
        elif v == 'nodiacritics':
            add('typo', lang, strip_diacritics(base), key, base)
        elif v == 'wrapper':
            code = key + ': ' if key.startswith('SSPR_') else ''
            q = f"{code}{base}\nCorrelation ID: {guid()}\nTimestamp: {date()}\nUser: user{rng.randint(10,99)}@contoso.onmicrosoft.com"
            add('paste', lang, q, key, base)
        elif meaning:
            add('paraphrase', lang, truncate(first_sentence(meaning), 0.7, key, lang), key, first_sentence(meaning))

for c in cases:
    print(json.dumps(c, ensure_ascii=False))
