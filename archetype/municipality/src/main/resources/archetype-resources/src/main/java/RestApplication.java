package ${package};

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST resources of the chosen SDK modules, under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Bürgerbüro API (${municipalityName})",
            version = "${version}",
            description = "Digitales Bürgerbüro ${municipalityName} (AGS ${ags})."))
public class RestApplication extends Application {}
