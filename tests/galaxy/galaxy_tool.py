#!/usr/bin/env python3
"""Just enough of Galaxy's tool machinery to check our wrappers without Galaxy or planemo.

  galaxy_tool.py expand TOOL.xml OUT.xml
      Expands <macros> (imports, tokens, <xml> macros with <yield/> and token_* defaults) as Galaxy does
      and writes the expanded tool.

  galaxy_tool.py render EXPANDED.xml TEST_INDEX JOB_DIR TEST_DATA_DIR [TABLE_CONF]
      Builds the parameter values of the TEST_INDEX-th <test> (0-based) from the tool's inputs and the
      test's <param>s (defaults for the rest), stages the test's input files under JOB_DIR/inputs,
      renders <command> with Cheetah as Galaxy does (newlines become spaces) and writes
      JOB_DIR/command.sh and JOB_DIR/job.json: the outputs (path, format, from_work_dir, whether
      their <filter> keeps them) and the output collections (discover_datasets pattern and directory).
      TABLE_CONF is a tool_data_table_conf.xml(.test) whose .loc files feed from_data_table selects.

  galaxy_tool.py hostile EXPANDED.xml OUT_DIR TEST_DATA_DIR [TABLE_CONF]
      Renders every <test> of the tool once per hostile value (HOSTILE below): every text parameter gets a
      hostile value, passed through Galaxy's default sanitizer as Galaxy does for text parameters without a
      <sanitizer>; every dataset gets a raw hostile element identifier (Galaxy does not sanitize those);
      optional datasets the test leaves out are given too and multiple-dataset inputs get three elements, so
      that every branch that handles datasets renders. Validators are deliberately ignored (a wrapper must be
      safe without them). Each job is OUT_DIR/<test>-<variant>/sandbox/d1/d2/d3/d4/job/ with inputs/ and
      working/ (the command's working directory) and command.sh; OUT_DIR/manifest.json lists the jobs with
      the (option, value) pairs the text parameters must reach regulens as and every text value as rendered.

Text parameters are rendered as Galaxy renders them without a <sanitizer>: characters outside
letters, digits and " -=_.()/+*^,:?!" are mapped (' to __sq__, " to __dq__, ...) or replaced by X.

Only the parts of Galaxy's behaviour our wrappers use are implemented; anything else is an error.
Standard library plus Cheetah (Debian: python3-cheetah).
"""
import copy
import json
import os
import re
import sys
import xml.etree.ElementTree as ET


class WrapperError(Exception):
    pass


# Galaxy's default sanitizer of text parameters (galaxy.util: valid_chars, mapped_chars; others become X).
VALID_CHARS = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' + ' -=_.()/+*^,:?!')
MAPPED_CHARS = {'>': '__gt__', '<': '__lt__', "'": '__sq__', '"': '__dq__', '[': '__ob__', ']': '__cb__',
                '{': '__oc__', '}': '__cc__', '@': '__at__', '\n': '__cn__', '\r': '__cr__', '\t': '__tc__',
                '#': '__pd__'}


def galaxy_sanitize(text):
    return ''.join(c if c in VALID_CHARS else MAPPED_CHARS.get(c, 'X') for c in text)


# Values a user can give: shell metacharacters, quotes of both kinds, command substitution, path escapes,
# names that look like options, newlines. Each payload that would run a command creates a file PWNED_<word>
# (the canary the spec looks for); the names are distinct so that a collision never hides one.
HOSTILE = [
    "x'; touch PWNED_sq; echo '",
    'x"; touch PWNED_dq; echo "',
    '$(touch PWNED_sub)',
    '`touch PWNED_bq`',
    '../../../../PWNED_up',
    '..',
    '-PWNED_opt',
    'a b\n touch PWNED_nl #',
    '|| touch PWNED_or || .svg',
    "\\'; touch PWNED_bs; \\",
    '/tmp/PWNED_abs',
    '.',
]


class Hostile:
    """Hands out hostile values round-robin from a variant's offset, so every input sees every value."""

    def __init__(self, variant):
        self.next = variant

    def value(self):
        v = HOSTILE[self.next % len(HOSTILE)]
        self.next += 1
        return v


# ---------------------------------------------------------------------------------------------------------
# Macro expansion
# ---------------------------------------------------------------------------------------------------------

def _load_macros(macros_el, base_dir, tokens, xml_macros):
    for child in list(macros_el):
        if child.tag == 'import':
            path = os.path.join(base_dir, child.text.strip())
            if not os.path.isfile(path):
                raise WrapperError('macro import not found: %s' % path)
            root = ET.parse(path).getroot()
            _load_macros(root, os.path.dirname(path), tokens, xml_macros)
        elif child.tag == 'token':
            tokens[child.get('name')] = child.text or ''
        elif child.tag == 'xml':
            xml_macros[child.get('name')] = child
        else:
            raise WrapperError('unsupported element in <macros>: <%s>' % child.tag)


def _replace_tokens(el, tokens):
    def sub(text):
        if text is None:
            return None
        for _ in range(10):  # tokens may contain tokens
            new = text
            for name, value in tokens.items():
                new = new.replace(name, value)
            if new == text:
                break
            text = new
        return text

    for node in el.iter():
        node.text = sub(node.text)
        node.tail = sub(node.tail)
        for key, value in list(node.attrib.items()):
            node.attrib[key] = sub(value)


def _expand_children(parent, xml_macros):
    i = 0
    while i < len(parent):
        child = parent[i]
        if child.tag == 'expand':
            name = child.get('macro')
            if name not in xml_macros:
                raise WrapperError('unknown macro: %s' % name)
            macro = xml_macros[name]
            local_tokens = {}
            for key, default in macro.attrib.items():
                if key.startswith('token_'):
                    token = key[len('token_'):]
                    local_tokens['@%s@' % token.upper()] = child.get(token, default)
            body = [copy.deepcopy(el) for el in macro]
            yielded = [copy.deepcopy(el) for el in child]
            holder = ET.Element('holder')
            holder.extend(body)
            _replace_tokens(holder, local_tokens)
            _fill_yields(holder, yielded)
            _expand_children(holder, xml_macros)
            new = list(holder)
            if new:
                new[-1].tail = child.tail
            parent.remove(child)
            for offset, el in enumerate(new):
                parent.insert(i + offset, el)
            i += len(new)
        else:
            _expand_children(child, xml_macros)
            i += 1


def _fill_yields(el, yielded):
    for i, child in enumerate(list(el)):
        if child.tag == 'yield':
            el.remove(child)
            for offset, y in enumerate(yielded):
                el.insert(i + offset, copy.deepcopy(y))
        else:
            _fill_yields(child, yielded)


def expand(tool_path):
    tree = ET.parse(tool_path)
    root = tree.getroot()
    tokens, xml_macros = {}, {}
    macros_el = root.find('macros')
    if macros_el is not None:
        _load_macros(macros_el, os.path.dirname(os.path.abspath(tool_path)), tokens, xml_macros)
        root.remove(macros_el)
    _expand_children(root, xml_macros)
    _replace_tokens(root, tokens)
    left = [el.tag for el in root.iter() if el.tag in ('expand', 'yield')]
    if left:
        raise WrapperError('unexpanded <%s> left' % left[0])
    return tree


# ---------------------------------------------------------------------------------------------------------
# Parameter values (what Cheetah sees) and raw values (what output filters see)
# ---------------------------------------------------------------------------------------------------------

class Wrapper:
    """A value that renders as a string and compares as one (as Galaxy's parameter wrappers do)."""

    def __init__(self, value):
        self.value = value

    def __str__(self):
        return 'None' if self.value is None else str(self.value)  # as Galaxy renders an empty optional value

    def __eq__(self, other):
        return str(self) == str(other)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(str(self))

    def __bool__(self):
        return self.value is not None and str(self.value) != ''


class BooleanWrapper(Wrapper):
    def __init__(self, checked, truevalue, falsevalue):
        super().__init__(truevalue if checked else falsevalue)
        self.checked = checked

    def __bool__(self):
        return self.checked


class Fields:
    def __init__(self, row):
        self.__dict__.update(row)


class SelectWrapper(Wrapper):
    def __init__(self, value, fields=None):
        super().__init__(value)
        self.fields = Fields(fields or {})


class DatasetWrapper(Wrapper):
    def __init__(self, path, ext, identifier):
        super().__init__(path)
        self.file_name = path
        self.ext = ext
        self.element_identifier = identifier
        self.name = identifier
        self.extra_files_path = path + '_files'
        self.files_path = self.extra_files_path

    def is_of_type(self, *exts):
        return self.ext in exts


class NoneDataset(Wrapper):
    def __init__(self):
        super().__init__(None)

    def __str__(self):
        return 'None'

    def __bool__(self):
        return False


class Group(dict):
    """A conditional or section: attribute and item access to its children."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


def _read_tables(conf_path):
    tables = {}
    if not conf_path:
        return tables
    base = os.path.dirname(os.path.abspath(conf_path))
    for table in ET.parse(conf_path).getroot().findall('table'):
        columns = [c.strip() for c in table.find('columns').text.split(',')]
        rows = []
        for f in table.findall('file'):
            path = os.path.join(base, f.get('path').replace('${__HERE__}', base))
            with open(path) as handle:
                for line in handle:
                    line = line.rstrip('\n')
                    if not line or line.startswith('#'):
                        continue
                    rows.append(dict(zip(columns, line.split('\t'))))
        tables[table.get('name')] = rows
    return tables


def pname(el):
    """A parameter's name: name, else its argument without leading dashes, dashes as underscores."""
    return el.get('name') or el.get('argument').lstrip('-').replace('-', '_')


class Job:
    def __init__(self, tool, test, job_dir, test_data, tables, hostile=None):
        self.tool = tool
        self.job_dir = job_dir
        self.test_data = test_data
        self.tables = tables
        self.hostile = hostile
        self.expected_args = []  # (option, value as rendered) of text parameters, in hostile mode
        self.text_values = []  # every text parameter's value as rendered, in hostile mode
        self.identifiers = []
        self.given = {}
        self._collect_test_params(test, '')
        self.used = set()

    def _dataset(self, source, ext, name):
        inputs = os.path.join(self.job_dir, 'inputs')
        os.makedirs(inputs, exist_ok=True)
        path = os.path.join(inputs, 'dataset_%d.dat' % len(os.listdir(inputs)))
        if source is None:
            open(path, 'w').close()
        else:
            os.symlink(os.path.abspath(source), path)
        if self.hostile is not None:
            name = self.hostile.value()
            self.identifiers.append(name)
        return DatasetWrapper(path, ext, name)

    # test <param name="a|b" value=""/>, <conditional name="a"><param name="b"/></conditional>, sections,
    # repeats (<repeat name="r"><param .../></repeat>, one element each) flattened to pipe-separated keys
    def _collect_test_params(self, el, prefix):
        counts = {}
        for child in el:
            if child.tag == 'param':
                self.given[prefix + child.get('name')] = child
            elif child.tag in ('conditional', 'section'):
                self._collect_test_params(child, prefix + child.get('name') + '|')
            elif child.tag == 'repeat':
                name = child.get('name')
                index = counts.get(name, 0)
                counts[name] = index + 1
                self._collect_test_params(child, '%s%s_%d|' % (prefix, name, index))

    def _stage(self, param_el, value_el):
        names = value_el.get('value')
        if names is None:
            return None
        staged = []
        for name in names.split(','):
            source = os.path.join(self.test_data, name)
            if not os.path.isfile(source):
                raise WrapperError('test data file missing: %s' % source)
            ext = value_el.get('ftype') or param_el.get('format', 'data').split(',')[0]
            staged.append(self._dataset(source, ext, name))
        return staged

    def values(self, parent_el, prefix):
        """(cheetah, raw) namespaces for the inputs under parent_el."""
        cheetah, raw = Group(), {}
        for el in parent_el:
            if el.tag == 'param':
                name = pname(el)
                key = prefix + name
                given = self.given.get(key)
                if given is not None:
                    self.used.add(key)
                cheetah[name], raw[name] = self.param_value(el, given)
            elif el.tag == 'conditional':
                name = el.get('name')
                test_el = el.find('param')
                key = prefix + name + '|' + pname(test_el)
                given = self.given.get(key)
                if given is not None:
                    self.used.add(key)
                c_value, r_value = self.param_value(test_el, given)
                group, group_raw = Group({pname(test_el): c_value}), {pname(test_el): r_value}
                for when in el.findall('when'):
                    if when.get('value') == str(c_value):
                        c, r = self.values(when, prefix + name + '|')
                        group.update(c)
                        group_raw.update(r)
                cheetah[name], raw[name] = group, group_raw
            elif el.tag == 'section':
                name = el.get('name')
                cheetah[name], raw[name] = self.values(el, prefix + name + '|')
            elif el.tag == 'repeat':
                name = el.get('name')
                items, items_raw = [], []
                index = 0
                while any(k.startswith('%s%s_%d|' % (prefix, name, index)) for k in self.given):
                    c, r = self.values(el, '%s%s_%d|' % (prefix, name, index))
                    items.append(c)
                    items_raw.append(r)
                    index += 1
                if index < int(el.get('min', '0')):
                    raise WrapperError('repeat %s needs at least %s elements' % (name, el.get('min')))
                cheetah[name], raw[name] = items, items_raw
        return cheetah, raw

    def param_value(self, el, given):
        kind = el.get('type')
        name = pname(el)
        value = given.get('value') if given is not None else None
        if kind == 'data':
            staged = self._stage(el, given) if given is not None else None
            if self.hostile is not None:
                # every dataset input is given (an empty file) and multiple inputs get three elements
                ext = el.get('format', 'data').split(',')[0]
                staged = staged or []
                while len(staged) < (3 if el.get('multiple') == 'true' else 1):
                    staged.append(self._dataset(None, ext, None))
            if not staged:
                if el.get('optional') != 'true':
                    raise WrapperError('required data parameter %s has no value in the test' % name)
                return NoneDataset(), None
            if el.get('multiple') == 'true':
                return staged, [str(s) for s in staged]
            return staged[0], str(staged[0])
        if kind == 'boolean':
            checked = el.get('checked', 'false').lower() in ('true', 'yes')
            if value is not None:
                checked = value.lower() in ('true', 'yes')
            return (BooleanWrapper(checked, el.get('truevalue', 'true'), el.get('falsevalue', 'false')), checked)
        if kind == 'select':
            options = [o.get('value') for o in el.findall('option')]
            table = el.find('options')
            rows = []
            if table is not None and table.get('from_data_table'):
                rows = self.tables.get(table.get('from_data_table'))
                if rows is None:
                    raise WrapperError('data table %s is not in the test table conf' % table.get('from_data_table'))
                options += [r['value'] for r in rows]
            if value is None:
                selected = [o.get('value') for o in el.findall('option') if o.get('selected') == 'true']
                value = selected[0] if selected else (options[0] if options and el.get('optional') != 'true' else None)
            if el.get('multiple') == 'true':
                chosen = [] if value is None else value.split(',')
                for v in chosen:
                    if v not in options:
                        raise WrapperError('%s: %s is not an option' % (name, v))
                return Wrapper(','.join(chosen) if chosen else None), chosen
            if value is not None and value not in options:
                raise WrapperError('%s: %s is not an option (%s)' % (name, value, options))
            row = next((r for r in rows if r['value'] == value), None)
            return SelectWrapper(value, row), value
        if kind in ('integer', 'float', 'text', 'color', 'hidden'):
            if value is None:
                value = el.get('value')
            if value in (None, '') and kind in ('integer', 'float'):
                if el.get('optional') != 'true':
                    raise WrapperError('%s needs a value' % name)
                return Wrapper(None), None
            if kind == 'integer':
                return Wrapper(value), int(value)
            if kind == 'float':
                return Wrapper(value), float(value)
            if kind == 'text':
                if el.find('sanitizer') is not None:
                    raise WrapperError('%s: <sanitizer> is not modelled here' % name)
                if self.hostile is not None:
                    value = self.hostile.value()
                    self.text_values.append(galaxy_sanitize(value))
                    if el.get('argument'):
                        self.expected_args.append((el.get('argument'), galaxy_sanitize(value)))
                value = value if value is not None else ''
                return Wrapper(galaxy_sanitize(value)), value
            return Wrapper(value if value is not None else ''), value
        raise WrapperError('unsupported parameter type %s (%s)' % (kind, name))


def _eval_filter(expression, namespace):
    try:
        return bool(eval(expression.strip(), {'__builtins__': {}}, dict(namespace)))
    except Exception as e:  # noqa: BLE001 - report any failure of the expression
        raise WrapperError('output filter %r failed: %s' % (expression.strip(), e))


def render_job(tool, test, job_dir, test_data, tables, hostile=None):
    """Renders the command of one test into job_dir (command.sh, job.json); returns the job's description."""
    from Cheetah.Template import Template

    job = Job(tool, test, job_dir, test_data, tables, hostile)
    cheetah, raw = job.values(tool.find('inputs'), '')
    unused = sorted(set(job.given) - job.used)
    if unused:
        raise WrapperError('test parameters that match no input: %s' % ', '.join(unused))

    outputs, collections = {}, {}
    out_dir = os.path.join(job_dir, 'outputs')
    os.makedirs(out_dir, exist_ok=True)
    for el in tool.find('outputs'):
        name = el.get('name')
        keep = all(_eval_filter(f.text, raw) for f in el.findall('filter'))
        if el.tag == 'data':
            path = os.path.join(out_dir, name + '.dat')
            outputs[name] = {'path': path, 'format': el.get('format'), 'from_work_dir': el.get('from_work_dir'),
                             'kept': keep}
            cheetah[name] = DatasetWrapper(path, el.get('format'), name)
        elif el.tag == 'collection':
            discover = el.find('discover_datasets')
            collections[name] = {'type': el.get('type'), 'kept': keep,
                                 'pattern': discover.get('pattern'), 'directory': discover.get('directory', '.'),
                                 'format': discover.get('format')}
    cheetah['__tool_directory__'] = os.path.dirname(os.path.abspath(tool.get('_path', '.')))
    command_el = tool.find('command')
    text = str(Template(source=command_el.text, searchList=[cheetah]))
    command = ' '.join(text.replace('\r', ' ').split('\n')).strip()
    with open(os.path.join(job_dir, 'command.sh'), 'w') as handle:
        handle.write(command + '\n')
    description = {'command': command, 'outputs': outputs, 'collections': collections,
                   'expected_args': job.expected_args, 'text_values': job.text_values,
                   'identifiers': job.identifiers}
    with open(os.path.join(job_dir, 'job.json'), 'w') as handle:
        json.dump(description, handle, indent=1)
    return description


def _load_tool(expanded_path):
    tool = ET.parse(expanded_path).getroot()
    tool.set('_path', expanded_path)
    return tool


def render(expanded_path, test_index, job_dir, test_data, table_conf):
    tool = _load_tool(expanded_path)
    test = tool.find('tests').findall('test')[test_index]
    render_job(tool, test, job_dir, test_data, _read_tables(table_conf))


def hostile(expanded_path, out_dir, test_data, table_conf):
    tool = _load_tool(expanded_path)
    tables = _read_tables(table_conf)
    jobs = []
    for index, test in enumerate(tool.find('tests').findall('test')):
        for variant in range(len(HOSTILE)):
            sandbox = os.path.join(out_dir, '%d-%d' % (index, variant), 'sandbox')
            job_dir = os.path.join(sandbox, 'd1', 'd2', 'd3', 'd4', 'job')
            os.makedirs(os.path.join(job_dir, 'working'))
            job = render_job(tool, test, job_dir, test_data, tables, Hostile(variant))
            jobs.append({'test': index, 'variant': variant, 'sandbox': sandbox, 'job_dir': job_dir,
                         'working': os.path.join(job_dir, 'working'), 'command': job['command'],
                         'expected_args': job['expected_args'], 'text_values': job['text_values'],
                         'identifiers': job['identifiers']})
    with open(os.path.join(out_dir, 'manifest.json'), 'w') as handle:
        json.dump(jobs, handle, indent=1)


def main(argv):
    try:
        if len(argv) == 3 and argv[0] == 'expand':
            expand(argv[1]).write(argv[2], encoding='utf-8', xml_declaration=True)
        elif len(argv) in (5, 6) and argv[0] == 'render':
            render(argv[1], int(argv[2]), argv[3], argv[4], argv[5] if len(argv) == 6 else None)
        elif len(argv) in (4, 5) and argv[0] == 'hostile':
            hostile(argv[1], argv[2], argv[3], argv[4] if len(argv) == 5 else None)
        else:
            sys.stderr.write(__doc__)
            return 2
    except (WrapperError, ET.ParseError) as e:
        sys.stderr.write('%s\n' % e)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
