package io.convot.shopify;

import io.convot.access.Caller;
import io.convot.access.CurrentCaller;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Connecting: the token is tried against the Partner API first, outside any transaction, and is
 * stored (sealed) only once the API accepted it and let it read financials.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShopifyConnections {

  @Inject CurrentCaller caller;
  @Inject PartnerReader reader;
  @Inject ShopifyService integrations;

  public IntegrationView connect(ConnectRequest request) {
    Caller who = caller.get();
    who.requireManager();
    RevenueAccess.require(who);
    request.check();
    try {
      reader.checkAccess(new PartnerCall(request.partnerOrganizationId(), request.accessToken(), () -> { }));
    } catch (PartnerFailure.Rejected e) {
      throw switch (e.why()) {
        case TOKEN_INVALID -> new ConvotException(ErrorCode.PARTNER_TOKEN_INVALID, "Token is invalid or expired");
        case MISSING_SCOPE -> new ConvotException(ErrorCode.MISSING_SCOPE, "Missing scope - View financials");
        case REFUSED -> new ConvotException(ErrorCode.PARTNER_API_UNAVAILABLE, e.getMessage());
      };
    } catch (PartnerFailure.Transient e) {
      throw new ConvotException(ErrorCode.PARTNER_API_UNAVAILABLE,
          "The Shopify Partner API could not be reached to check the token; nothing was stored. Try again shortly.");
    }
    return integrations.storeAccepted(request);
  }
}
