package io.convot.lifecycle;

import java.util.UUID;

/** The export queue's message: {@code {"organization_id", "export_id"}}. */
public record ExportMessage(UUID organizationId, UUID exportId) {}
