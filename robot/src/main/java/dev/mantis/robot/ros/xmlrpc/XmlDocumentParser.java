package dev.mantis.robot.ros.xmlrpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses XML-RPC documents with one DOM parser built once and reset after each document (building
 * the JDK's parser costs about 100 kB of garbage, which a node's master check would otherwise pay
 * four times a second). Refuses DTDs and entities. Thread-safe: callers take turns.
 */
public final class XmlDocumentParser {

    private final DocumentBuilder builder;

    /** A parser with DTDs refused and secure processing on. */
    public XmlDocumentParser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /**
     * Parses one document.
     *
     * @throws XmlRpcException when the bytes are not well-formed XML (or hold a DTD)
     */
    public synchronized Document parse(byte[] xml) throws XmlRpcException {
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new XmlRpcException("not well-formed XML-RPC: " + e.getMessage(), e);
        } finally {
            builder.reset();
        }
    }
}
