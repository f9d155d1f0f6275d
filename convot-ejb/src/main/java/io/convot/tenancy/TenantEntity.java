package io.convot.tenancy;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.eclipse.persistence.config.EntityManagerProperties;

/**
 * A row that belongs to one organization. EclipseLink fills {@code organization_id} on insert and
 * adds it to every query from the tenant set by {@link Tenancy}; without one, queries fail.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "organization_id", contextProperty = EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT)
public abstract class TenantEntity {}
