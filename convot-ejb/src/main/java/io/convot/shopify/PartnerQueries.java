package io.convot.shopify;

/** The GraphQL Convot sends to the Partner API. */
final class PartnerQueries {

  private PartnerQueries() {}

  static final int PAGE_SIZE = 100;

  private static final String MONEY = "{ amount currencyCode }";
  private static final String CHARGE = "{ charge { id name amount " + MONEY + " } }";

  /** What a token must be able to read: financial transactions (the View financials permission). */
  static final String CHECK_ACCESS = "query CheckAccess { transactions(first: 1) { edges { node { id } } } }";

  static final String APP_EVENTS = """
      query AppEvents($appId: ID!, $first: Int!, $after: String, $occurredAtMin: DateTime) {
        app(id: $appId) {
          events(first: $first, after: $after, occurredAtMin: $occurredAtMin) {
            edges {
              cursor
              node {
                type
                occurredAt
                shop { id name myshopifyDomain }
                ... on RelationshipUninstalled { reason description }
                ... on SubscriptionChargeAccepted %1$s
                ... on SubscriptionChargeActivated %1$s
                ... on SubscriptionChargeCanceled %1$s
                ... on SubscriptionChargeDeclined %1$s
                ... on SubscriptionChargeExpired %1$s
                ... on SubscriptionChargeFrozen %1$s
                ... on SubscriptionChargeUnfrozen %1$s
                ... on OneTimeChargeAccepted %1$s
                ... on OneTimeChargeActivated %1$s
                ... on OneTimeChargeDeclined %1$s
                ... on OneTimeChargeExpired %1$s
                ... on UsageChargeApplied %1$s
                ... on CreditApplied { appCredit { id name amount %2$s } }
                ... on CreditFailed { appCredit { id name amount %2$s } }
                ... on CreditPending { appCredit { id name amount %2$s } }
              }
            }
            pageInfo { hasNextPage }
          }
        }
      }""".formatted(CHARGE, MONEY);

  private static final String SALE = "shop { id name myshopifyDomain } chargeId grossAmount %1$s netAmount %1$s shopifyFee %1$s"
      .formatted(MONEY);

  static final String TRANSACTIONS = """
      query Transactions($appId: ID!, $first: Int!, $after: String, $createdAtMin: DateTime) {
        transactions(appId: $appId, first: $first, after: $after, createdAtMin: $createdAtMin) {
          edges {
            cursor
            node {
              __typename
              id
              createdAt
              ... on AppSubscriptionSale { %1$s billingInterval }
              ... on AppOneTimeSale { %1$s }
              ... on AppUsageSale { %1$s }
              ... on AppSaleAdjustment { %1$s }
              ... on AppSaleCredit { %1$s }
            }
          }
          pageInfo { hasNextPage }
        }
      }""".formatted(SALE);
}
