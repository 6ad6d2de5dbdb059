package dev.mantis.robot.ros.xmlrpc;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * XML-RPC documents to and from Java values: {@code Integer} (i4/int), {@code Boolean},
 * {@code String}, {@code Double}, {@code List<Object>} (array), {@code Map<String, Object>}
 * (struct, insertion-ordered), {@code byte[]} (base64). Parsing refuses DTDs and entities.
 */
public final class XmlRpcValues {

    private XmlRpcValues() {
    }

    /** A {@code methodCall} document. */
    public static String methodCall(String method, List<?> params) throws XmlRpcException {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<methodCall><methodName>");
        escape(method, s);
        s.append("</methodName><params>");
        for (Object p : params) {
            s.append("<param>");
            value(p, s);
            s.append("</param>");
        }
        return s.append("</params></methodCall>\n").toString();
    }

    /** A {@code methodResponse} document holding one value. */
    public static String response(Object result) throws XmlRpcException {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse><params><param>");
        value(result, s);
        return s.append("</param></params></methodResponse>\n").toString();
    }

    /** A {@code methodResponse} fault document. */
    public static String fault(int code, String message) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>" + code + "</int></value></member>"
                + "<member><name>faultString</name><value><string>");
        escape(message, s);
        return s.append("</string></value></member></struct></value></fault></methodResponse>\n").toString();
    }

    /** A parsed {@code methodCall}. */
    public record Call(String method, List<Object> params) {
    }

    /** Parses a {@code methodCall} document with {@code parser}. */
    public static Call parseCall(byte[] xml, XmlDocumentParser parser) throws XmlRpcException {
        Element root = parser.parse(xml).getDocumentElement();
        if (!root.getTagName().equals("methodCall")) {
            throw new XmlRpcException("expected <methodCall>, got <" + root.getTagName() + ">");
        }
        Element name = child(root, "methodName");
        if (name == null) {
            throw new XmlRpcException("<methodCall> has no <methodName>");
        }
        List<Object> params = new ArrayList<>();
        Element paramsElement = child(root, "params");
        if (paramsElement != null) {
            for (Element param : children(paramsElement)) {
                Element v = child(param, "value");
                if (v == null) {
                    throw new XmlRpcException("<param> has no <value>");
                }
                params.add(parseValue(v));
            }
        }
        return new Call(name.getTextContent().trim(), params);
    }

    /**
     * Parses a {@code methodResponse} document with {@code parser}.
     *
     * @throws XmlRpcException for a fault (with its code) or a malformed document
     */
    public static Object parseResponse(byte[] xml, XmlDocumentParser parser) throws XmlRpcException {
        Element root = parser.parse(xml).getDocumentElement();
        if (!root.getTagName().equals("methodResponse")) {
            throw new XmlRpcException("expected <methodResponse>, got <" + root.getTagName() + ">");
        }
        Element fault = child(root, "fault");
        if (fault != null) {
            Element v = child(fault, "value");
            Object f = v == null ? null : parseValue(v);
            if (f instanceof Map) {
                Map<?, ?> m = (Map<?, ?>) f;
                int code = m.get("faultCode") instanceof Integer ? (Integer) m.get("faultCode") : 0;
                throw new XmlRpcException("XML-RPC fault " + code + ": " + m.get("faultString"), code, null);
            }
            throw new XmlRpcException("XML-RPC fault without a fault struct");
        }
        Element params = child(root, "params");
        Element param = params == null ? null : child(params, "param");
        Element v = param == null ? null : child(param, "value");
        if (v == null) {
            throw new XmlRpcException("<methodResponse> has neither <params><param><value> nor <fault>");
        }
        return parseValue(v);
    }

    private static Object parseValue(Element value) throws XmlRpcException {
        Element typed = null;
        for (Element e : children(value)) {
            typed = e;
            break;
        }
        if (typed == null) {
            return value.getTextContent();
        }
        String text = typed.getTextContent();
        try {
            switch (typed.getTagName()) {
                case "i4":
                case "int":
                    return Integer.valueOf(text.trim());
                case "i8":
                    return Long.valueOf(text.trim());
                case "boolean":
                    return text.trim().equals("1") || text.trim().equalsIgnoreCase("true");
                case "double":
                    return Double.valueOf(text.trim());
                case "string":
                case "dateTime.iso8601":
                    return text;
                case "base64":
                    return Base64.getMimeDecoder().decode(text.trim());
                case "nil":
                    return null;
                case "array": {
                    List<Object> list = new ArrayList<>();
                    Element data = child(typed, "data");
                    if (data != null) {
                        for (Element v : children(data)) {
                            list.add(parseValue(v));
                        }
                    }
                    return list;
                }
                case "struct": {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (Element member : children(typed)) {
                        Element name = child(member, "name");
                        Element v = child(member, "value");
                        if (name == null || v == null) {
                            throw new XmlRpcException("<member> needs <name> and <value>");
                        }
                        map.put(name.getTextContent(), parseValue(v));
                    }
                    return map;
                }
                default:
                    throw new XmlRpcException("unknown XML-RPC type <" + typed.getTagName() + ">");
            }
        } catch (NumberFormatException e) {
            throw new XmlRpcException("bad <" + typed.getTagName() + "> value '" + text + "'", e);
        } catch (IllegalArgumentException e) {
            throw new XmlRpcException("bad <base64> value", e);
        }
    }

    private static Element child(Element parent, String tag) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static void value(Object v, StringBuilder s) throws XmlRpcException {
        s.append("<value>");
        if (v instanceof String) {
            s.append("<string>");
            escape((String) v, s);
            s.append("</string>");
        } else if (v instanceof Boolean) {
            s.append("<boolean>").append((Boolean) v ? 1 : 0).append("</boolean>");
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            s.append("<i4>").append(((Number) v).intValue()).append("</i4>");
        } else if (v instanceof Long) {
            long l = (Long) v;
            if (l != (int) l) {
                throw new XmlRpcException("integer " + l + " does not fit XML-RPC's 32 bits");
            }
            s.append("<i4>").append(l).append("</i4>");
        } else if (v instanceof Double || v instanceof Float) {
            s.append("<double>").append(((Number) v).doubleValue()).append("</double>");
        } else if (v instanceof byte[]) {
            s.append("<base64>").append(Base64.getEncoder().encodeToString((byte[]) v)).append("</base64>");
        } else if (v instanceof List) {
            s.append("<array><data>");
            for (Object e : (List<?>) v) {
                value(e, s);
            }
            s.append("</data></array>");
        } else if (v instanceof Map) {
            s.append("<struct>");
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                s.append("<member><name>");
                escape(String.valueOf(e.getKey()), s);
                s.append("</name>");
                value(e.getValue(), s);
                s.append("</member>");
            }
            s.append("</struct>");
        } else {
            throw new XmlRpcException("cannot send " + (v == null ? "null" : v.getClass().getSimpleName())
                    + " over XML-RPC");
        }
        s.append("</value>");
    }

    private static void escape(String text, StringBuilder s) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    s.append("&amp;");
                    break;
                case '<':
                    s.append("&lt;");
                    break;
                case '>':
                    s.append("&gt;");
                    break;
                default:
                    s.append(c);
            }
        }
    }
}
