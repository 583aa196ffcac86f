/** What a hazard of a sector looks like in the field: its category, where it is, what is wrong and the fix. */
export interface HazardKind {
  readonly categoryCode: string;
  readonly place: string;
  readonly description: string;
  readonly requirements: string;
  readonly measures: string;
}

const COMMON: readonly HazardKind[] = [
  { categoryCode: 'FIRE-EXIT-BLOCKED', place: '一层 东侧安全出口', description: '安全出口堆放杂物，疏散通道被占用', requirements: '立即清理杂物，保持疏散通道畅通', measures: '已清理堆放物，设置禁止堆放标识' },
  { categoryCode: 'ELEC-WIRING', place: '配电间', description: '配电箱私拉乱接，线路老化绝缘破损', requirements: '由持证电工重新敷设线路，更换老化电缆', measures: '已更换电缆并加装漏电保护器' },
  { categoryCode: 'EXTINGUISHER-EXPIRED', place: '二层 走廊', description: '灭火器压力不足，超过检验期限', requirements: '更换或送检灭火器，建立月度检查记录', measures: '已更换灭火器12具，建立检查台账' },
];

const BY_SECTOR: Readonly<Record<string, readonly HazardKind[]>> = {
  gas: [
    { categoryCode: 'GAS-PIPE-AGING', place: '地下室 调压箱', description: '调压箱锈蚀严重，存在漏气风险', requirements: '更换锈蚀调压箱，加装泄漏报警', measures: '已更换调压箱并安装可燃气体报警器' },
    { categoryCode: 'GAS-ALARM-MISSING', place: '后厨 燃气灶区', description: '使用燃气的厨房未安装可燃气体报警装置', requirements: '安装可燃气体报警及紧急切断装置', measures: '已安装报警器与紧急切断阀，联动测试正常' },
  ],
  construction: [{ categoryCode: 'CONS-SCAFFOLD', place: '在建工地 脚手架', description: '脚手架连墙件缺失，剪刀撑设置不足', requirements: '按专项方案补设连墙件和剪刀撑', measures: '已补设连墙件36处，经验收合格' }],
  housing: [{ categoryCode: 'HOUSE-CRACK', place: '自建房 三层 承重墙', description: '承重墙体出现贯通裂缝，存在结构安全隐患', requirements: '委托鉴定并按鉴定意见加固', measures: '已完成房屋安全鉴定并加固' }],
  transport: [{ categoryCode: 'TRANS-VEHICLE-CHECK', place: '车辆停放场', description: '营运车辆未按期进行安全技术检验', requirements: '停运送检，建立车辆技术档案', measures: '车辆已送检合格，档案已建立' }],
  'hazardous-chemicals': [{ categoryCode: 'CHEM-STORAGE-MIXED', place: '危化品仓库', description: '禁忌物料混存，未设置隔离', requirements: '按禁忌表分区存放，设置隔离墙', measures: '已分区存放并张贴禁忌物料表' }],
  chemicals: [{ categoryCode: 'CHEM-SIS-BYPASS', place: '反应釜区', description: '安全仪表系统联锁被摘除', requirements: '恢复联锁，落实联锁投切审批制度', measures: '已恢复联锁并完成投切审批记录' }],
  mining: [{ categoryCode: 'MINE-SLOPE', place: '采场 边坡', description: '边坡台阶坡面角超过设计值', requirements: '按设计削坡减载，开展边坡监测', measures: '已削坡整治并安装位移监测' }],
  industry: [{ categoryCode: 'IND-DUST-EXPLOSION', place: '抛光车间', description: '粉尘除尘系统未采用防爆措施', requirements: '改造除尘系统，落实粉尘清扫制度', measures: '已更换防爆除尘器，建立清扫记录' }],
  'special-equipment': [{ categoryCode: 'SE-ELEVATOR-OVERDUE', place: '3号电梯', description: '电梯超期未检验仍在使用', requirements: '停止使用，申报定期检验', measures: '已完成定期检验并取得合格证' }],
  market: [{ categoryCode: 'MKT-STALL-WIRING', place: '农贸市场 摊位区', description: '摊位电线私拉乱接，使用大功率电器', requirements: '统一规范摊位用电，拆除违规电器', measures: '已统一布线并安装限流装置' }],
  education: [{ categoryCode: 'EDU-DORM-EXIT', place: '学生宿舍楼', description: '宿舍楼疏散门上锁，应急照明损坏', requirements: '疏散门改为推闩式，修复应急照明', measures: '已更换推闩门锁，应急照明修复' }],
  health: [{ categoryCode: 'HEALTH-OXYGEN', place: '供氧站', description: '氧气汇流排区域存放可燃物', requirements: '清除可燃物，设置警示标识', measures: '已清理并设置禁烟禁火标识' }],
  tourism: [{ categoryCode: 'TOUR-RIDE-CHECK', place: '游乐设施区', description: '大型游乐设施日检记录缺失', requirements: '落实日检制度，停机检查', measures: '已补齐日检并完成停机检查' }],
  water: [{ categoryCode: 'WATER-DAM-SEEPAGE', place: '水库 大坝下游坡', description: '坝体下游坡出现渗水点', requirements: '开展渗流监测，实施防渗处理', measures: '已完成防渗处理，渗流监测正常' }],
  power: [{ categoryCode: 'POWER-TRANSFORMER', place: '箱式变电站', description: '箱变周边安全距离内搭建临时建筑', requirements: '拆除违建，恢复安全距离', measures: '临时建筑已拆除' }],
  emergency: [{ categoryCode: 'EMERG-WAREHOUSE', place: '仓库 货架区', description: '货架超高堆放，未设置防倾倒措施', requirements: '降低堆放高度，货架固定', measures: '已整改堆放高度并加装货架拉结' }],
};

/** The kinds a unit of `sector` is found with: its own, and the ones every workplace can have. */
export function kindsOf(sector: string): readonly HazardKind[] {
  return [...(BY_SECTOR[sector] ?? []), ...COMMON];
}
