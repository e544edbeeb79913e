import type { NotificationsMessages } from './notifications.vi.ts';

/** English texts of the feed and webhooks (see notifications.vi.ts). */
export const notificationsEn: NotificationsMessages = {
  feed: {
    title: 'National Digital Platforms Registry — published changes',
    subtitle: 'Digital platforms registered, updated or retired; catalogue editions published',
    author: 'National Digital Platforms Registry',
    linkTitle: 'Published changes (Atom)',
    entry: {
      'platform.created': 'New platform: {name}',
      'platform.updated': 'Updated: {name}',
      'platform.retired': 'Retired: {name}',
      'edition.published': 'Catalogue published: {name}',
    },
    version: 'Version {version}',
  },
  field: {
    invalid_url: 'Not a valid address',
    https_required: 'The receiving address must use https',
    private_address: 'Deliveries to private network addresses are not allowed',
    credentials_in_url: 'Do not put a user name or password in the address',
  },
  resource: {
    webhook: 'webhook endpoint',
  },
};
