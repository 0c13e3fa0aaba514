/**
 * Commands: the abstract device API as one record per capability, wrapped in a {@link
 * io.chargeplane.model.command.CommandRequest} (idempotency key, correlation id, deadline) and answered by a
 * {@link io.chargeplane.model.command.CommandResult}.
 */
package io.chargeplane.model.command;
