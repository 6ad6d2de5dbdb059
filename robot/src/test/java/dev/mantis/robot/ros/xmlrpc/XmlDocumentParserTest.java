package dev.mantis.robot.ros.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlDocumentParserTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneParserReadsDocumentAfterDocumentAndSurvivesABadOne() throws Exception {
        XmlDocumentParser parser = new XmlDocumentParser();
        for (int i = 0; i < 3; i++) {
            Object value = XmlRpcValues.parseResponse(utf8(XmlRpcValues.response(List.of(1, "pid", i))), parser);
            assertEquals(List.of(1, "pid", i), value);
        }
        XmlRpcException bad = assertThrows(XmlRpcException.class,
                () -> XmlRpcValues.parseResponse(utf8("<methodResponse><params>"), parser));
        assertTrue(bad.getMessage().startsWith("not well-formed XML-RPC: "), bad.getMessage());
        XmlRpcValues.Call call = XmlRpcValues.parseCall(utf8(XmlRpcValues.methodCall("getPid", List.of("/caller"))), parser);
        assertEquals("getPid", call.method());
        assertEquals(List.of("/caller"), call.params());
    }

    @Test
    void refusesDocumentTypeDeclarations() {
        XmlDocumentParser parser = new XmlDocumentParser();
        byte[] xml = utf8("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY e \"x\">]><methodResponse/>");
        XmlRpcException e = assertThrows(XmlRpcException.class, () -> parser.parse(xml));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }
}
