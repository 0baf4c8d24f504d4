import { describe, expect, it } from 'vitest';
import { detectSource, foldHeader, matchStage, suggestMapping } from './import-mapping.js';

describe('column mapping', () => {
  it('maps a Salesforce Data Export Opportunity.csv by its API names', () => {
    const headers = ['Id', 'IsDeleted', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate', 'CurrencyIsoCode', 'OwnerId', 'Probability', 'IsClosed', 'IsWon'];
    expect(suggestMapping('opportunities', headers)).toEqual({
      externalId: 'Id', name: 'Name', account: 'AccountId', amount: 'Amount', currency: 'CurrencyIsoCode', stage: 'StageName', closeDate: 'CloseDate', owner: 'OwnerId',
      closed: 'IsClosed', won: 'IsWon', closeReason: null,
    });
    expect(detectSource(headers)).toBe('salesforce');
  });

  it('maps a Salesforce report by its labels, preferring the account id to its name', () => {
    const headers = ['Opportunity Owner', 'Account Name', 'Opportunity Name', 'Stage', 'Amount Currency', 'Amount', 'Close Date', 'Opportunity ID', 'Account ID'];
    expect(suggestMapping('opportunities', headers)).toEqual({
      externalId: 'Opportunity ID', name: 'Opportunity Name', account: 'Account ID', amount: 'Amount', currency: 'Amount Currency', stage: 'Stage', closeDate: 'Close Date', owner: 'Opportunity Owner',
      closed: null, won: null, closeReason: null,
    });
    expect(detectSource(headers)).toBe('salesforce');
  });

  it('maps HubSpot exports by their property labels', () => {
    const deals = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner', 'Associated Company', 'Associated Company IDs', 'Pipeline'];
    expect(suggestMapping('opportunities', deals)).toMatchObject({ externalId: 'Record ID', name: 'Deal Name', stage: 'Deal Stage', account: 'Associated Company IDs', owner: 'Deal owner', currency: null });
    expect(detectSource(deals)).toBe('hubspot');
    expect(suggestMapping('accounts', ['Record ID', 'Company name', 'Company Domain Name', 'Company owner'])).toMatchObject({ externalId: 'Record ID', name: 'Company name', website: 'Company Domain Name', owner: 'Company owner' });
    expect(suggestMapping('contacts', ['Record ID', 'First Name', 'Last Name', 'Email', 'Job Title', 'Associated Company'])).toMatchObject({ firstName: 'First Name', lastName: 'Last Name', title: 'Job Title', account: 'Associated Company', name: null });
  });

  it('knows a Salesforce User.csv by the ids in its Id column', () => {
    const headers = ['Id', 'Username', 'LastName', 'FirstName', 'Name', 'Email', 'IsActive'];
    expect(detectSource(headers, ['0055g00000A1bCdAAJ', 'ana@x.sfdc'])).toBe('salesforce');
    expect(detectSource(headers, ['17', 'ana@x'])).toBe('csv');
  });

  it('leaves unknown columns to the admin and calls the file plain CSV', () => {
    const headers = ['Deal', 'Value', 'When'];
    expect(suggestMapping('opportunities', headers)).toEqual({ externalId: null, name: null, account: null, amount: null, currency: null, stage: null, closeDate: null, owner: null, closed: null, won: null, closeReason: null });
    expect(detectSource(headers)).toBe('csv');
  });

  it('compares headers folded, a BOM ignored', () => {
    expect(foldHeader('\uFEFFClose_Date ')).toBe('closedate');
    expect(suggestMapping('opportunities', ['\uFEFFId', 'close date'])).toMatchObject({ externalId: '\uFEFFId', closeDate: 'close date' });
  });

  it('matches stages by name however they are spelled', () => {
    const stages = [{ id: 'a', name: 'Solution fit' }, { id: 'b', name: 'Closed Won' }];
    expect(matchStage('solution FIT', stages)).toBe('a');
    expect(matchStage('closedwon', stages)).toBe('b');
    expect(matchStage('appointmentscheduled', stages)).toBeUndefined();
  });
});
