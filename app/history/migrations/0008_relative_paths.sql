-- Schema 8: paths in the database are relative to the profile folder (issue 15, defect 3), so a
-- moved, copied or restored profile keeps its images and references. profile_relative() is
-- ProfilePaths::toStored(), registered on the connection by SchemaMigrator: a path under the
-- profile, or under a folder this profile lived in before whose file is here now, becomes
-- relative; any other path stays as it is.

UPDATE generated_images SET local_file = profile_relative(local_file)
    WHERE local_file LIKE '/%';

UPDATE jobs SET local_image_path = profile_relative(local_image_path)
    WHERE local_image_path LIKE '/%';

UPDATE jobs SET reference_paths = (SELECT json_group_array(profile_relative(value))
        FROM json_each(jobs.reference_paths))
    WHERE reference_paths LIKE '%"/%';
