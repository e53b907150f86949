package de.buergerbuero.referenceapp;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** All REST resources of the SDK modules on the class path, under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Bürgerbüro API (Musterstadt)",
            version = "0.1.0",
            description =
                "Digitales Bürgerbüro: Dienstkatalog, Anträge, Sachbearbeitung. Fehler als RFC 9457"
                    + " application/problem+json mit stabilem Code (BB-nnnn).",
            contact = @Contact(name = "Bürgerbüro SDK"),
            license = @License(name = "EUPL-1.2")))
public class RestApplication extends Application {}
