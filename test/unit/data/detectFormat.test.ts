import { describe, expect, it } from 'vitest';
import { detectFormat, normaliseHeader, unrecognisedHeaderMessage } from '../../../src/data/detectFormat';
import { STORY_COLUMNS } from '../../../src/data/stories';

const ACLED_2023 = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(',');
const UCDP_GLOBAL = 'id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob'.split(',');

describe('detectFormat', () => {
  it('detectFormat(header) names ACLED, UCDP GED and our story format, with role and precision columns', () => {
    expect(detectFormat(ACLED_2023)?.info).toEqual({ id: 'acled', layout: '2023', label: 'ACLED export, 2023+ layout', role: 'counted', precisionColumns: { date: 'time_precision', location: 'geo_precision' } });
    expect(detectFormat(UCDP_GLOBAL)?.info).toMatchObject({ id: 'ucdp', layout: 'global', role: 'counted', precisionColumns: { date: 'date_prec', location: 'where_prec' } });
    expect(detectFormat([...STORY_COLUMNS])?.info).toMatchObject({ id: 'stories', role: 'annotation' });
    expect(detectFormat(['a', 'b'])).toBeNull();
  });

  it('ignores an unnamed leading index column and reads retyped header names once normalised', () => {
    expect(detectFormat(['', ...ACLED_2023])?.info.id).toBe('acled');
    expect(detectFormat(normaliseHeader([' Event_ID_Cnty', 'EVENT_DATE', 'Event_Type', 'Latitude', 'Longitude ']))?.info.layout).toBe('other');
  });

  it('unrecognisedHeaderMessage says what was found, the nearest format and what it lacks', () => {
    const message = unrecognisedHeaderMessage(['id', 'date_start', 'latitude', 'longitude', 'country', 'best'], 'the first row of x.csv');
    expect(message).toMatch(/^No recognisable columns in the first row of x\.csv \(found: id, date_start, latitude, longitude, country, best\)\./);
    expect(message).toMatch(/closest to a UCDP GED file but lacks type_of_violence\./);
    expect(unrecognisedHeaderMessage(['', ''], 'here')).toMatch(/found: no column names/);
  });
});
