-- VI: Tiến độ thực hiện nhiệm vụ Đề án 06 của từng tỉnh: tổng số, đã hoàn thành, đang triển khai, chưa triển khai?
-- EN: Đề án 06 task completion by province: total, completed, in progress, not started.
select
    geography.name_vi as geography,
    tasks.geo_code,
    tasks.period_code,
    max(tasks.value) filter (where tasks.component = 'total') as total_tasks,
    max(tasks.value) filter (where tasks.component = 'completed') as completed,
    max(tasks.value) filter (where tasks.component = 'in_progress') as in_progress,
    max(tasks.value) filter (where tasks.component = 'not_started') as not_started,
    max(tasks.denominator) filter (where tasks.component = 'completed') as completed_out_of,
    string_agg(distinct tasks.quality_status, ', ') as quality_status
from marts.fct_observation_detail as tasks
inner join marts.dim_geography as geography on geography.geo_key = tasks.geo_key
where tasks.indicator_code = 'program_tasks'
    and tasks.program ilike '%06%'
    and not tasks.is_target
group by geography.name_vi, tasks.geo_code, tasks.period_code
order by tasks.geo_code, tasks.period_code
