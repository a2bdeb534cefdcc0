package dev.intake.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The native build cannot run here (no GraalVM, no container engine), so its settings are held to what
 * Lambda's provided.al2023 needs: an executable linked against Amazon Linux 2023's glibc (2.34), which
 * the UBI 9 builder images have, and no jar beside it.
 */
class NativeProfileTest {

    private static Map<String, String> nativeProfile() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if ("native".equals(profile.getElementsByTagName("id").item(0).getTextContent())) {
                Map<String, String> properties = new HashMap<>();
                NodeList children = profile.getElementsByTagName("properties").item(0).getChildNodes();
                for (int j = 0; j < children.getLength(); j++) {
                    Node child = children.item(j);
                    if (child.getNodeType() == Node.ELEMENT_NODE) {
                        properties.put(child.getNodeName(), child.getTextContent().trim());
                    }
                }
                return properties;
            }
        }
        throw new AssertionError("pom.xml has no native profile");
    }

    @Test
    void the_native_executable_is_built_in_an_image_with_amazon_linux_2023s_glibc() throws Exception {
        Map<String, String> properties = nativeProfile();
        assertEquals("true", properties.get("quarkus.native.enabled"));
        assertEquals("true", properties.get("quarkus.native.container-build"));
        String image = properties.get("quarkus.native.builder-image");
        assertTrue(image.startsWith("quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-"), image);
        assertEquals("false", properties.get("quarkus.package.jar.enabled"), "function.zip holds the executable only");
    }
}
