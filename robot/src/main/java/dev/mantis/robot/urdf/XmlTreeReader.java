package dev.mantis.robot.urdf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Reads an XML document into an {@link XmlElement} tree with SAX. Secure by construction: a
 * document type declaration is refused before its internal subset is read, and external entities
 * and DTDs are never loaded.
 */
final class XmlTreeReader {

    private final String fileLabel;

    /** A reader whose errors name {@code fileLabel} as the file. */
    XmlTreeReader(String fileLabel) {
        this.fileLabel = fileLabel;
    }

    /**
     * The document's root element.
     *
     * @throws UrdfException if the input is not well-formed XML or declares a DOCTYPE
     */
    XmlElement read(InputSource input) {
        TreeHandler handler = new TreeHandler();
        try {
            SAXParser parser = newParser();
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            parser.parse(input, handler);
        } catch (Refused r) {
            throw new UrdfException(fileLabel, r.line, r.detail);
        } catch (SAXParseException e) {
            throw new UrdfException(fileLabel, Math.max(e.getLineNumber(), 0),
                    "not XML: " + parserMessage(e) + "; fix the file's syntax");
        } catch (SAXException e) {
            throw new UrdfException(fileLabel, 0, "not XML: " + parserMessage(e) + "; fix the file's syntax");
        } catch (IOException e) {
            throw new UrdfException(fileLabel, 0, "cannot read: " + e + "; check that the file exists and is readable");
        }
        return handler.root;
    }

    private static SAXParser newParser() throws SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            try {
                // parser messages in English whatever the default locale, so errors are stable
                parser.setProperty("http://apache.org/xml/properties/locale", Locale.ROOT);
            } catch (SAXException unsupported) {
                // a parser without this property reports in the default locale
            }
            return parser;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a security feature: " + e.getMessage(), e);
        }
    }

    private static String parserMessage(SAXException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        while (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        return m;
    }

    /** Thrown from the handler to stop parsing with a message of our own. */
    private static final class Refused extends SAXException {
        private final int line;
        private final String detail;

        Refused(int line, String detail) {
            super(detail);
            this.line = line;
            this.detail = detail;
        }
    }

    /** Builds the element tree from SAX events. */
    private static final class TreeHandler extends DefaultHandler2 {
        private final Deque<Building> open = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 0 : Math.max(locator.getLineNumber(), 0);
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            throw new Refused(line(), "<!DOCTYPE> is not allowed: URDF needs no DTD and entities are not"
                    + " expanded; remove the DOCTYPE declaration");
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                attrs.put(attributes.getQName(i), attributes.getValue(i));
            }
            open.push(new Building(qName, line(), attrs));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Building b = open.pop();
            XmlElement done = new XmlElement(b.name, b.line, b.attributes, b.children);
            if (open.isEmpty()) {
                root = done;
            } else {
                open.peek().children.add(done);
            }
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId)
                throws SAXException {
            throw new Refused(line(), "external entity '" + systemId + "' is not loaded; inline its content");
        }
    }

    /** An element whose end tag has not been seen yet. */
    private static final class Building {
        private final String name;
        private final int line;
        private final Map<String, String> attributes;
        private final List<XmlElement> children = new ArrayList<>();

        Building(String name, int line, Map<String, String> attributes) {
            this.name = name;
            this.line = line;
            this.attributes = attributes;
        }
    }
}
