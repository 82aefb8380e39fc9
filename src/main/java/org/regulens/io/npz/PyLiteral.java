package org.regulens.io.npz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small Python literal that a .npy header holds: a dict of strings, booleans, integers, tuples
 * and lists. Returns String, Boolean, Long, List (for tuples and lists), Map or null (None).
 * Throws IllegalArgumentException naming the offending position.
 */
final class PyLiteral {

    private final String text;
    private int pos;

    private PyLiteral(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        PyLiteral parser = new PyLiteral(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("literal ends early");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict();
            case '(':
                return sequence('(', ')');
            case '[':
                return sequence('[', ']');
            case '\'':
            case '"':
                return string();
            default:
                if (c == '-' || Character.isDigit(c)) {
                    return integer();
                }
                return word();
        }
    }

    private Map<String, Object> dict() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value();
            if (!(key instanceof String name)) {
                throw error("dict key is not a string");
            }
            expect(':');
            map.put(name, value());
            if (!separator('}')) {
                pos++;
                return map;
            }
        }
    }

    private List<Object> sequence(char open, char close) {
        List<Object> items = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return items;
            }
            items.add(value());
            if (!separator(close)) {
                pos++;
                return items;
            }
        }
    }

    /** After an item: consumes a comma and returns true, or returns false when the closing bracket follows. */
    private boolean separator(char close) {
        skipSpace();
        char c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            return false;
        }
        throw error("expected ',' or '" + close + "'");
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        throw error("unterminated string");
    }

    private Long integer() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (peek() == 'L') {
            pos++; // Python 2 long suffix in old files
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("bad integer '" + digits + "'");
        }
    }

    private Object word() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                pos = start;
                throw error("unexpected token");
        }
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos + " of the header");
    }
}
