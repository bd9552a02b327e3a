/* Generated from schemas/filing.schema.json by scripts/gen-types.mjs (npm run gen). Do not edit. */

/**
 * 一条网站备案信息（数据契约第 1 版），依据《工业和信息化部关于进一步落实网站备案信息真实性核验工作方案（试行）》（工信部电管〔2010〕64号）。包括主办者、网站负责人、联系方式、网站信息与接入信息（一），以及接入服务单位核验、省通信管理局审核和资料留存（二、三）。 / One website filing record (data contract version 1) under MIIT notice 工信部电管〔2010〕64号: owner, principal, contacts, websites and access information (clause 一), plus the access provider's verification, the provincial bureau's review and record retention (clauses 二, 三).
 */
export type FilingRecord = {
  /**
   * 模式地址 / JSON Schema URI
   *
   * 可选（本项目新增）：指向本 Schema 的地址或相对路径，供编辑器提供校验与悬停提示；beianlint 忽略此字段。 / Optional (added by this project): URI or relative path of this schema, so editors validate and show hovers; ignored by beianlint.
   */
  $schema?: string;
  /**
   * 格式版本 / Format version
   *
   * 数据契约版本号，当前固定为 1。 / Version of the data contract; always 1 for this format.
   */
  schemaVersion: 1;
  /**
   * 备案记录编号 / Filing id
   *
   * 接入服务单位自己的备案记录编号，同一批次内必须唯一（规则 batch-duplicate-filing-id）。 / The access provider's own id for this filing; must be unique within a batch (rule batch-duplicate-filing-id).
   */
  filingId: string;
  /**
   * 备案阶段 / Filing stage
   *
   * 备案流程所处阶段（二、(二)）：draft 主办者已录入/核验中，verified 接入服务单位已完成当面核验，submitted 已提交省通信管理局，approved 审核通过已下发备案号，returned 审核不合格已退回。自 verified 起须有 verification 与 retention；自 submitted 起须有 verification.providerSubmittedAt；approved/returned 须有 review。 / Where the filing is in the procedure (二、(二)): draft = entered by the owner / verification in progress, verified = the provider completed on-site verification, submitted = submitted to the provincial bureau, approved = approved with a filing number, returned = returned by the bureau. From verified on, verification and retention are required; from submitted on, verification.providerSubmittedAt; approved/returned require review.
   */
  stage: 'draft' | 'verified' | 'submitted' | 'approved' | 'returned';
  owner: Owner;
  principal: Principal;
  /**
   * 网站列表 / Websites
   *
   * 本次备案的网站，至少一个（一、3；一、4）。 / The websites of this filing, at least one (一、3; 一、4).
   *
   * @minItems 1
   */
  websites: Website[];
  verification?: Verification;
  review?: Review;
  retention?: Retention;
  /**
   * 备注 / Remarks
   *
   * 可选（本项目新增）：自由文本备注，例如接入服务单位备案人员的说明；不参与任何规则检查。 / Optional (added by this project): free-text remarks, e.g. notes by the provider's filing staff; no rule checks it.
   */
  remarks?: string;
};
/**
 * 网站主办者 / Website owner
 *
 * 网站主办者（主体）信息，即互联网信息服务提供者，分单位和个人两类（一、1）。 / The website owner (主办者), the Internet information service provider: a unit or an individual (一、1).
 */
export type Owner = {
  /**
   * 主办者性质 / Owner kind
   *
   * 主办者性质（一、1）：unit 单位，individual 个人。 / Kind of owner (一、1): unit = an organisation, individual = a natural person.
   */
  kind: 'unit' | 'individual';
  /**
   * 单位性质 / Unit type
   *
   * 单位性质，仅单位填写（一、1.(1)）：government 机关，institution 事业单位，social-group 社会团体，enterprise 企业，military 军队。 / Type of unit, units only (一、1.(1)): government = government body (机关), institution = public institution (事业单位), social-group = social organisation (社会团体), enterprise = company (企业), military = armed forces unit (军队).
   */
  unitType?: 'government' | 'institution' | 'social-group' | 'enterprise' | 'military';
  /**
   * 主办者名称 / Owner name
   *
   * 单位名称或个人姓名，应与证件及域名所有者一致（二、(二)1.(5)）。 / The unit's name or the person's name; must match the document and the domain holder (二、(二)1.(5)).
   */
  name: string;
  /**
   * 主办者国籍 / Owner citizenship
   *
   * 个人主办者的国籍，仅个人填写（一、1.(2)）：CN 中国公民，其他为 ISO 3166-1 二位代码。 / Citizenship of an individual owner, individuals only (一、1.(2)): CN for Chinese citizens, otherwise an ISO 3166-1 alpha-2 code.
   */
  citizenship?: string;
  /**
   * 主体所在地代码 / Owner region code
   *
   * 主办者所在地的 6 位 GB/T 2260 行政区划代码，决定审核的省通信管理局（二、(二)1.(6)(7)）。 / 6-digit GB/T 2260 administrative division code of where the owner is (主体所在地); decides the reviewing provincial bureau (二、(二)1.(6)(7)).
   */
  regionCode: string;
  /**
   * 证件地址 / Document address
   *
   * 主办者证件上的住所或地址（一、1）。 / The address on the owner's document (一、1).
   */
  address: string;
  document: Document;
};
/**
 * 有效期至 / Valid until
 *
 * 可选（1.1）：证件有效期的最后一天，或 long-term（长期，例如 45 岁以上者的居民身份证）。证件在该日（含）之前有效；当面核验时须在有效期内（二、(二)1.(5) 有效证件，规则 document-validity）。 / Optional (1.1): the last day the document is valid, or long-term (长期, e.g. the identity cards of people over 45). A document is valid up to and including that day; it must be valid when verified on site (二、(二)1.(5) 有效证件, rule document-validity). 取值为日期（同 $defs/date）或 long-term。 / A date (as $defs/date) or long-term.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "validUntil".
 */
export type ValidUntil = string;
/**
 * 网站服务内容 / Service content
 *
 * 网站服务内容/项目代码（一、3）。需前置审批：news 新闻，publishing 出版，education 教育，medical 医疗保健，drugs-medical-devices 药品和医疗器械，culture 文化，radio-film-tv 广播电影电视节目，religion 宗教（互联网宗教信息服务，自 2022-03-01 起）；其他：general 综合，corporate 单位门户，personal 个人空间，e-commerce 电子商务，forum 论坛社区，search 搜索引擎，blog 博客，other 其他。 / Service content code (一、3). Needing pre-approval: news, publishing, education, medical (health care), drugs-medical-devices, culture, radio-film-tv (radio, film and TV programmes), religion (internet religious information services, from 2022-03-01); others: general, corporate (unit portal), personal (personal space), e-commerce, forum (forum / community), search (search engine), blog, other.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "serviceContent".
 */
export type ServiceContent =
  | 'news'
  | 'publishing'
  | 'education'
  | 'medical'
  | 'drugs-medical-devices'
  | 'culture'
  | 'radio-film-tv'
  | 'religion'
  | 'general'
  | 'corporate'
  | 'personal'
  | 'e-commerce'
  | 'forum'
  | 'search'
  | 'blog'
  | 'other';
/**
 * 省通信管理局审核 / Provincial bureau review
 *
 * 省、自治区、直辖市通信管理局的审核（二、(二)2）。阶段 approved / returned 之前可省略。 / Review by the provincial communications administration (二、(二)2). Optional before stage approved / returned.
 */
export type Review = {
  /**
   * 审核通信管理局代码 / Bureau region code
   *
   * 审核的通信管理局所在省级行政区的 2 位 GB/T 2260 代码（11..65），应为主体所在地的省（二、(二)1.(7)，规则 bureau-region）。 / 2-digit GB/T 2260 province code (11..65) of the reviewing bureau; must be the owner's province (二、(二)1.(7), rule bureau-region).
   */
  bureauRegionCode: string;
  /**
   * 审核时间 / Reviewed at
   *
   * 审核完成的日期或时间；须在接入服务单位提交后 20 个工作日内（二、(二)2）。 / When the review was completed; due within 20 working days of the provider's submission (二、(二)2).
   */
  reviewedAt: string;
  /**
   * 审核结果 / Review result
   *
   * 审核结果（二、(二)2）：approved 审核合格、下发备案号，returned 不合格、退回接入服务单位重新核验。 / Review result (二、(二)2): approved = approved with a filing number, returned = returned to the provider for re-verification.
   */
  result: 'approved' | 'returned';
  /**
   * 备案号 / Filing number
   *
   * 网站备案号，例如 京ICP备12345678号-1；审核合格时必填，形式由规则 filing-number 检查（二、(二)2）。 / The filing number, e.g. 京ICP备12345678号-1; required when approved; rule filing-number checks its form (二、(二)2).
   */
  filingNumber?: string;
};
/**
 * 日期或时间 / Date or date-time
 *
 * ISO 8601 日期（2026-03-02）或日期时间（2026-03-02T09:30:00+08:00、2026-03-02T09:30:00Z，或不带时区的 2026-03-02T09:30:00，视为北京时间）；秒和小数秒可省略。日历有效性由规则检查。 / ISO 8601 date (2026-03-02) or date-time (2026-03-02T09:30:00+08:00, 2026-03-02T09:30:00Z, or zone-less 2026-03-02T09:30:00, read as Beijing time); seconds and fractions are optional. Calendar validity is left to the rules.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "date".
 */
export type Date = string;
/**
 * 国籍 / Citizenship
 *
 * ISO 3166-1 二位字母代码，中国公民为 CN；港澳台居民是中国公民，同为 CN（一、1.(1)(2)；HK、MO、TW 不是国籍，由规则 citizenship 报告）。 / ISO 3166-1 alpha-2 code, CN for Chinese citizens; residents of Hong Kong, Macao and Taiwan are Chinese citizens and are CN too (一、1.(1)(2); HK, MO and TW are not citizenships, reported by rule citizenship).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "countryCode".
 */
export type CountryCode = string;
/**
 * 证件类型 / Document type
 *
 * 证件类型代码（一、1.(1)(2)）：org-code-certificate 组织机构代码证书（机关、事业单位、社会团体的第一证件；企业亦可），uscc-certificate 统一社会信用代码证书（机关、事业单位、社会团体，组织机构代码证书的继承者），institution-legal-person-certificate 事业单位法人证书（事业单位），social-group-legal-person-certificate 社会团体法人登记证书（社会团体），business-license 工商营业执照（企业），military-code-certificate 军队代号证书（军队），resident-id-card 居民身份证（中国公民的第一证件），household-register 户口簿、officer-id 军官证、taiwan-compatriot-permit 台湾居民来往大陆通行证（台胞证）、hk-macao-permit 港澳居民来往内地通行证（回乡证）、hmt-residence-permit 港澳台居民居住证（中国公民无身份证时），passport 护照（其他国籍者的第一证件；华侨等中国公民持中国护照时为替代证件），foreign-permanent-resident-id 外国人永久居留身份证（其他国籍者的替代证件）。 / Document type code (一、1.(1)(2)): org-code-certificate organisation code certificate (first choice for government, institution, social group; also enterprise), uscc-certificate unified social credit code certificate (government, institution, social group; the successor of the organisation code certificate), institution-legal-person-certificate (institution), social-group-legal-person-certificate (social group), business-license (enterprise), military-code-certificate (military), resident-id-card (first choice for Chinese citizens), household-register, officer-id, taiwan-compatriot-permit (Mainland Travel Permit for Taiwan Residents), hk-macao-permit (Mainland Travel Permit for Hong Kong and Macao Residents), hmt-residence-permit (Residence Permit for Hong Kong, Macao and Taiwan Residents) (Chinese citizens without an ID card), passport (first choice for other citizenships; a Chinese passport is a fallback for a Chinese citizen, e.g. an overseas Chinese), foreign-permanent-resident-id (Foreign Permanent Resident ID Card, a fallback for other citizenships).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "documentType".
 */
export type DocumentType =
  | 'org-code-certificate'
  | 'uscc-certificate'
  | 'institution-legal-person-certificate'
  | 'social-group-legal-person-certificate'
  | 'business-license'
  | 'military-code-certificate'
  | 'resident-id-card'
  | 'household-register'
  | 'officer-id'
  | 'taiwan-compatriot-permit'
  | 'hk-macao-permit'
  | 'hmt-residence-permit'
  | 'passport'
  | 'foreign-permanent-resident-id';
/**
 * 前置审批类别 / Pre-approval category
 *
 * 前置审批或专项审批类别（一、3）：news 新闻，publishing 出版，education 教育，medical 医疗保健，drugs-medical-devices 药品和医疗器械，culture 文化，radio-film-tv 广播电影电视节目，religion 宗教（互联网宗教信息服务许可，自 2022-03-01 起）。 / Category of the pre-approval or special approval (一、3): news, publishing, education, medical (health care), drugs-medical-devices, culture, radio-film-tv (radio, film and TV programmes), religion (internet religious information service licence, from 2022-03-01).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "preApprovalCategory".
 */
export type PreApprovalCategory =
  'news' | 'publishing' | 'education' | 'medical' | 'drugs-medical-devices' | 'culture' | 'radio-film-tv' | 'religion';

/**
 * 主办者证件 / Owner document
 *
 * 主办者的单位资质证件或个人身份证件（一、1.(1)(2)）。 / The owner's unit qualification document or personal identity document (一、1.(1)(2)).
 */
export interface Document {
  /**
   * 证件类型 / Document type
   *
   * 证件类型代码，见 $defs/documentType（一、1.(1)(2)）。 / Document type code, see $defs/documentType (一、1.(1)(2)).
   */
  type:
    | 'org-code-certificate'
    | 'uscc-certificate'
    | 'institution-legal-person-certificate'
    | 'social-group-legal-person-certificate'
    | 'business-license'
    | 'military-code-certificate'
    | 'resident-id-card'
    | 'household-register'
    | 'officer-id'
    | 'taiwan-compatriot-permit'
    | 'hk-macao-permit'
    | 'hmt-residence-permit'
    | 'passport'
    | 'foreign-permanent-resident-id';
  /**
   * 证件号码 / Document number
   *
   * 证件号码：居民身份证、户口簿为 18 位公民身份号码（GB 11643-1999，含校验码）；营业执照为统一社会信用代码（GB 32100-2015）或 15 位注册号；组织机构代码证书为 9 位组织机构代码（GB 11714-1997）或统一社会信用代码；两种法人证书为统一社会信用代码。格式由规则 document-number 检查。 / Document number: an 18-character citizen ID number for resident-id-card and household-register (GB 11643-1999, with check character); a unified social credit code (GB 32100-2015) or 15-digit registration number for business-license; a 9-character organisation code (GB 11714-1997) or unified social credit code for org-code-certificate; a unified social credit code for the legal-person certificates. Rule document-number checks the form.
   */
  number: string;
  /**
   * 证件持有者 / Document holder
   *
   * 证件上的持有者名称，应与主办者或网站负责人名称一致（二、(二)1.(5)，规则 document-holder）。 / The holder named on the document; must equal the owner's or principal's name (二、(二)1.(5), rule document-holder).
   */
  holder: string;
  validUntil?: ValidUntil;
}
/**
 * 网站负责人 / Website principal
 *
 * 网站负责人：单位为法定代表人或单位委派具体负责网站的部门负责人，个人为其本人（一、1.(3)）。 / The person responsible for the website: for a unit its legal representative or the department head it appoints; for an individual the owner in person (一、1.(3)).
 */
export interface Principal {
  /**
   * 负责人姓名 / Principal name
   *
   * 网站负责人姓名，应与其证件持有者一致（二、(二)1.(5)）。 / The principal's name; must equal the holder on the document (二、(二)1.(5)).
   */
  name: string;
  /**
   * 负责人身份 / Principal role
   *
   * 网站负责人的身份（一、1.(3)）：legal-representative 法定代表人（单位），department-head 单位委派具体负责网站的部门负责人（单位），self 个人主办者本人。 / The principal's role (一、1.(3)): legal-representative = the unit's legal representative, department-head = the department head the unit appoints for the website, self = the individual owner in person.
   */
  role: 'legal-representative' | 'department-head' | 'self';
  /**
   * 负责人国籍 / Principal citizenship
   *
   * 网站负责人国籍：CN 中国公民（核验身份证等），其他为 ISO 3166-1 二位代码（核验护照）（一、1.(1)）。 / The principal's citizenship: CN for Chinese citizens (ID card etc.), otherwise an ISO 3166-1 alpha-2 code (passport) (一、1.(1)).
   */
  citizenship: string;
  document: Document1;
  contacts: Contacts;
}
/**
 * 负责人证件 / Principal document
 *
 * 网站负责人的个人身份证件（一、1.(1)(2)）。 / The principal's personal identity document (一、1.(1)(2)).
 */
export interface Document1 {
  /**
   * 证件类型 / Document type
   *
   * 证件类型代码，见 $defs/documentType（一、1.(1)(2)）。 / Document type code, see $defs/documentType (一、1.(1)(2)).
   */
  type:
    | 'org-code-certificate'
    | 'uscc-certificate'
    | 'institution-legal-person-certificate'
    | 'social-group-legal-person-certificate'
    | 'business-license'
    | 'military-code-certificate'
    | 'resident-id-card'
    | 'household-register'
    | 'officer-id'
    | 'taiwan-compatriot-permit'
    | 'hk-macao-permit'
    | 'hmt-residence-permit'
    | 'passport'
    | 'foreign-permanent-resident-id';
  /**
   * 证件号码 / Document number
   *
   * 证件号码：居民身份证、户口簿为 18 位公民身份号码（GB 11643-1999，含校验码）；营业执照为统一社会信用代码（GB 32100-2015）或 15 位注册号；组织机构代码证书为 9 位组织机构代码（GB 11714-1997）或统一社会信用代码；两种法人证书为统一社会信用代码。格式由规则 document-number 检查。 / Document number: an 18-character citizen ID number for resident-id-card and household-register (GB 11643-1999, with check character); a unified social credit code (GB 32100-2015) or 15-digit registration number for business-license; a 9-character organisation code (GB 11714-1997) or unified social credit code for org-code-certificate; a unified social credit code for the legal-person certificates. Rule document-number checks the form.
   */
  number: string;
  /**
   * 证件持有者 / Document holder
   *
   * 证件上的持有者名称，应与主办者或网站负责人名称一致（二、(二)1.(5)，规则 document-holder）。 / The holder named on the document; must equal the owner's or principal's name (二、(二)1.(5), rule document-holder).
   */
  holder: string;
  validUntil?: ValidUntil;
}
/**
 * 联系方式 / Contacts
 *
 * 网站负责人的联系方式（一、2）。 / The principal's contact details (一、2).
 */
export interface Contacts {
  /**
   * 手机号码 / Mobile
   *
   * 网站负责人手机号码，例如 13812345678（一、2）。 / The principal's mobile number, e.g. 13812345678 (一、2).
   */
  mobile?: string;
  /**
   * 办公电话 / Office phone
   *
   * 办公电话，含区号，例如 010-65123456（一、2）。 / Office phone with area code, e.g. 010-65123456 (一、2).
   */
  officePhone?: string;
  /**
   * 住宅电话 / Home phone
   *
   * 住宅电话，含区号；个人主办者可用以代替办公电话（一、2）。 / Home phone with area code; an individual owner may give it instead of an office phone (一、2).
   */
  homePhone?: string;
  /**
   * 电子邮箱 / Email
   *
   * 网站负责人电子邮箱（一、2）。 / The principal's email address (一、2).
   */
  email?: string;
  /**
   * 通信地址 / Mailing address
   *
   * 通信地址（一、2）。 / Mailing address (一、2).
   */
  mailingAddress?: string;
}
/**
 * 网站 / Website
 *
 * 网站信息与接入信息：网站名称、域名、前置审批、服务内容、接入信息（一、3；一、4）。 / Website and access information: name, domains, pre-approvals, service content and access (一、3; 一、4).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "website".
 */
export interface Website {
  /**
   * 网站名称 / Website name
   *
   * 网站名称（一、3）。 / The website name (一、3).
   */
  name: string;
  /**
   * 首页地址 / Homepage URL
   *
   * 可选（本项目新增）：网站首页地址，例如 https://www.example.com/；仅供阅读，不参与规则检查。 / Optional (added by this project): the website's homepage URL, e.g. https://www.example.com/; informational, no rule checks it.
   */
  homepageUrl?: string;
  /**
   * 网站域名列表 / Domains
   *
   * 网站域名，至少一个（一、3）。 / The website's domains, at least one (一、3).
   *
   * @minItems 1
   */
  domains: Domain[];
  /**
   * 网站服务内容 / Service content
   *
   * 网站服务内容/项目代码列表，见 $defs/serviceContent；需前置审批的代码须有对应 preApprovals（一、3）。 / Service content codes, see $defs/serviceContent; codes needing pre-approval need a matching preApprovals entry (一、3).
   */
  serviceContent: ServiceContent[];
  /**
   * 前置审批列表 / Pre-approvals
   *
   * 可选：涉及需前置审批或专项审批内容的审批文件（一、3）。 / Optional: approval documents for content needing pre-approval or special approval (一、3).
   */
  preApprovals?: PreApproval[];
  access: Access;
}
/**
 * 网站域名 / Domain
 *
 * 网站域名及其所有者（一、3；二、(二)1.(5) 核验域名所有者与主办者身份一致）。 / A domain of the website and its holder (一、3; 二、(二)1.(5): the domain holder must be the owner).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "domain".
 */
export interface Domain {
  /**
   * 域名 / Domain name
   *
   * 可注册的域名，例如 example.com 或国际化域名 例子.中国；子域名由规则 domain-format 警告（一、3）。 / A registrable domain name such as example.com or an IDN such as 例子.中国; rule domain-format warns on a subdomain (一、3).
   */
  name: string;
  /**
   * 域名所有者 / Registrant
   *
   * 可选：域名证书或域名注册机构公共查询信息中的域名所有者名称。自阶段 verified 起缺失即视为未核验域名所有者，规则 owner-domain-consistency 报告；与主办者不一致自 draft 起即报告（二、(二)1.(5)）。 / Optional here: the domain holder's name from the domain certificate or the registry's public lookup. From stage verified on, a missing registrant means ownership was not verified and rule owner-domain-consistency reports it; one that differs from the owner is reported from draft (二、(二)1.(5)).
   */
  registrant?: string;
}
/**
 * 前置审批 / Pre-approval
 *
 * 涉及需前置审批或专项审批内容的审批文件（一、3，规则 pre-approval）。 / An approval document for content that needs pre-approval or special approval (一、3, rule pre-approval).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "preApproval".
 */
export interface PreApproval {
  /**
   * 审批类别 / Category
   *
   * 前置审批类别，对应一个需审批的服务内容代码（一、3）。 / The pre-approval category, matching a service content code that needs approval (一、3).
   */
  category:
    | 'news'
    | 'publishing'
    | 'education'
    | 'medical'
    | 'drugs-medical-devices'
    | 'culture'
    | 'radio-film-tv'
    | 'religion';
  /**
   * 审批文号 / Approval number
   *
   * 前置审批文件或许可证编号（一、3）。 / Number of the approval document or licence (一、3).
   */
  approvalNumber: string;
  /**
   * 审批部门 / Issuer
   *
   * 可选：作出审批的主管部门（一、3）。 / Optional: the authority that issued the approval (一、3).
   */
  issuer?: string;
}
/**
 * 接入信息 / Access information
 *
 * 接入服务提供者名称、接入方式、服务器放置地点、网站 IP 地址（一、4）。 / Access provider, method, server location and IP addresses (一、4).
 */
export interface Access {
  /**
   * 接入服务提供者名称 / Access provider name
   *
   * 接入服务提供者（接入服务单位）名称（一、4）。 / Name of the access provider (一、4).
   */
  providerName: string;
  /**
   * 接入方式 / Access method
   *
   * 接入方式（一、4）：dedicated-line 专线，colocation 主机托管，virtual-hosting 虚拟主机，cloud 云主机，other 其他。 / Access method (一、4): dedicated-line = leased line, colocation = server colocation, virtual-hosting = shared virtual hosting, cloud = cloud server, other.
   */
  method: 'dedicated-line' | 'colocation' | 'virtual-hosting' | 'cloud' | 'other';
  /**
   * 服务器放置地点 / Server location
   *
   * 服务器放置地点，省或市，例如 北京市（一、4）。 / Where the servers are, province or city, e.g. 北京市 (一、4).
   */
  serverLocation: string;
  /**
   * 网站 IP 地址 / Website IP addresses
   *
   * 网站 IP 地址，至少一个 IPv4 或 IPv6 地址；是否为公网单播地址由规则 ip-address 检查（一、4）。 / Website IP addresses, at least one IPv4 or IPv6 address; rule ip-address checks they are public unicast (一、4).
   *
   * @minItems 1
   *
   * Items: IP 地址 / IP address
   *
   * IPv4 或 IPv6 地址（一、4）。 / An IPv4 or IPv6 address (一、4).
   */
  ips: string[];
}
/**
 * 接入服务单位核验 / Access provider verification
 *
 * 接入服务单位的预核验、当面核验与提交（二、(二)1）。阶段 verified 之前可省略或只填已发生的部分。 / The access provider's pre-verification, on-site verification and submission (二、(二)1). Optional before stage verified, and may then hold only the steps done so far.
 */
export interface Verification {
  /**
   * 主办者提交时间 / Submitted at
   *
   * 主办者在接入服务单位备案系统提交备案信息的时间（二、(二)1.(1)）。 / When the owner submitted the filing in the provider's system (二、(二)1.(1)).
   */
  submittedAt: string;
  preVerification?: PreVerification;
  notification?: Notification;
  onSite?: OnSite;
  form?: Form;
  /**
   * 已签信息安全管理协议书 / Security agreement signed
   *
   * 网站主办者和接入服务单位是否已签订信息安全管理协议书（二、(二)1.(6)）。 / Whether owner and provider signed the information security management agreement (二、(二)1.(6)).
   */
  securityAgreementSigned?: boolean;
  /**
   * 合同含规定条款 / Contract clause included
   *
   * 业务合同是否明文包含通知规定的备案信息真实性条款（三、(一)3）。 / Whether the service contract includes the clause on truthful filing information prescribed by the notice (三、(一)3).
   */
  contractClauseIncluded?: boolean;
  /**
   * 接入服务单位提交时间 / Provider submitted at
   *
   * 接入服务单位向主体所在地通信管理局提交备案信息的时间；自阶段 submitted 起必填（二、(二)1.(7)）。 / When the provider submitted the filing to the bureau of the owner's region; required from stage submitted on (二、(二)1.(7)).
   */
  providerSubmittedAt?: string;
}
/**
 * 预核验 / Pre-verification
 *
 * 预核验的完成时间和结果（二、(二)1.(2)）。 / When pre-verification was completed and its result (二、(二)1.(2)).
 */
export interface PreVerification {
  /**
   * 预核验完成时间 / Completed at
   *
   * 预核验完成的日期或时间（二、(二)1.(2)）。 / When pre-verification was completed (二、(二)1.(2)).
   */
  completedAt: string;
  /**
   * 预核验结果 / Result
   *
   * 预核验结果（二、(二)1.(2)）：passed 通过（发送现场核验通知），returned 未通过（信息退回，主办者修改后重新提交）。 / Pre-verification result (二、(二)1.(2)): passed = passed (on-site verification notice sent), returned = not passed (sent back for the owner to amend and resubmit).
   */
  result: 'passed' | 'returned';
}
/**
 * 短信提示 / Notification SMS
 *
 * 可选：预核验后发送的短信（二、(二)1.(2)）。 / Optional: the SMS sent after pre-verification (二、(二)1.(2)).
 */
export interface Notification {
  /**
   * 发送时间 / Sent at
   *
   * 短信发送的日期或时间；现场核验须在其后 1 个月内（二、(二)1.(2)）。 / When the SMS was sent; on-site verification is due within 1 month of it (二、(二)1.(2)).
   */
  sentAt: string;
  /**
   * 短信内容 / Message
   *
   * 短信全文，例如“您提交的网站备案信息已通过预核验，请在1个月内由网站负责人本人携带有关证件原件到我单位备案现场办理核验手续”（二、(二)1.(2)）。 / Full text of the SMS, e.g. the prescribed “passed” wording above (二、(二)1.(2)).
   */
  message: string;
}
/**
 * 当面核验 / On-site verification
 *
 * 当面核验（二、(二)1.(3)–(5)）。 / On-site verification (二、(二)1.(3)–(5)).
 */
export interface OnSite {
  /**
   * 当面核验时间 / Verified at
   *
   * 当面核验的日期或时间；须在通知后 1 个月内（二、(二)1.(2)）。 / When on-site verification took place; due within 1 month of the notification (二、(二)1.(2)).
   */
  verifiedAt: string;
  /**
   * 到场人员 / Attended by
   *
   * 到场办理核验的人员（二、(二)1.(3)）：principal 网站负责人本人，other 其他人（违反规定）。 / Who attended on site (二、(二)1.(3)): principal = the principal in person, other = someone else (not allowed).
   */
  attendedBy: 'principal' | 'other';
  photo: Photo;
  /**
   * 核验的证件列表 / Verified documents
   *
   * 当面核验的主办者与负责人证件（二、(二)1.(5)）。 / The owner's and principal's documents checked on site (二、(二)1.(5)).
   */
  documents: VerifiedDocument[];
  /**
   * 域名所有权依据 / Domain ownership evidence
   *
   * 核验域名所有者的依据（二、(二)1.(5)）：certificate 域名证书，registry-lookup 域名注册机构网站公共查询信息。 / Evidence of domain ownership (二、(二)1.(5)): certificate = the domain certificate, registry-lookup = the registry's public lookup.
   */
  domainOwnershipEvidence: 'certificate' | 'registry-lookup';
}
/**
 * 负责人照片 / Principal photo
 *
 * 现场采集的网站负责人照片（二、(二)1.(4)）。 / The principal's photo taken on site (二、(二)1.(4)).
 */
export interface Photo {
  /**
   * 宽度（像素） / Width (pixels)
   *
   * 照片宽度，像素；规定为 800（二、(二)1.(4)）。 / Photo width in pixels; 800 is prescribed (二、(二)1.(4)).
   */
  width: number;
  /**
   * 高度（像素） / Height (pixels)
   *
   * 照片高度，像素；规定为 600（二、(二)1.(4)）。 / Photo height in pixels; 600 is prescribed (二、(二)1.(4)).
   */
  height: number;
  /**
   * 彩色 / Colour
   *
   * 是否彩色照片（二、(二)1.(4)）。 / Whether the photo is in colour (二、(二)1.(4)).
   */
  color: boolean;
  /**
   * 显示拍照时间 / Shows timestamp
   *
   * 照片是否显示拍照时间（二、(二)1.(4)）。 / Whether the photo shows when it was taken (二、(二)1.(4)).
   */
  showsTimestamp: boolean;
  /**
   * 显示背景标识 / Shows backdrop mark
   *
   * 照片是否显示备案中心统一幕布的背景标识（二、(二)1.(4)）。 / Whether the photo shows the mark of the filing centre's backdrop (二、(二)1.(4)).
   */
  showsBackdropMark: boolean;
}
/**
 * 核验的证件 / Verified document
 *
 * 当面核验的证件原件：类型、号码须与记录中主办者或负责人证件一致，须为原件、经核验真实、留存复印件（二、(二)1.(5)，规则 document-verification）。 / A document checked on site: type and number must equal the owner's or principal's document in the record; it must be the original, authenticated, with a copy retained (二、(二)1.(5), rule document-verification).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "verifiedDocument".
 */
export interface VerifiedDocument {
  /**
   * 证件类型 / Document type
   *
   * 核验的证件类型（一、1）。 / Type of the checked document (一、1).
   */
  type:
    | 'org-code-certificate'
    | 'uscc-certificate'
    | 'institution-legal-person-certificate'
    | 'social-group-legal-person-certificate'
    | 'business-license'
    | 'military-code-certificate'
    | 'resident-id-card'
    | 'household-register'
    | 'officer-id'
    | 'taiwan-compatriot-permit'
    | 'hk-macao-permit'
    | 'hmt-residence-permit'
    | 'passport'
    | 'foreign-permanent-resident-id';
  /**
   * 证件号码 / Document number
   *
   * 核验的证件号码（一、1）。 / Number of the checked document (一、1).
   */
  number: string;
  /**
   * 原件 / Original
   *
   * 是否核验了证件原件（二、(二)1.(3)(5)）。 / Whether the original document was presented (二、(二)1.(3)(5)).
   */
  original: boolean;
  /**
   * 已核验真实性 / Authenticated
   *
   * 是否已利用公安、质检、工商等部门信息源核验证件真实性（二、(二)1.(5)）。 / Whether the document was authenticated against the police, quality-supervision or industry-and-commerce sources (二、(二)1.(5)).
   */
  authenticated: boolean;
  /**
   * 留存复印件 / Copy retained
   *
   * 是否留存了证件复印件（二、(二)1.(5)）。 / Whether a copy of the document was retained (二、(二)1.(5)).
   */
  copyRetained: boolean;
  validUntil?: ValidUntil;
}
/**
 * 核验单 / Verification form
 *
 * 《网站备案信息真实性核验单》（二、(二)1.(6)(7)）。 / The verification form (二、(二)1.(6)(7)).
 */
export interface Form {
  /**
   * 已填写 / Completed
   *
   * 是否已填写统一格式的核验单（二、(二)1.(6)）。 / Whether the standard form was filled in (二、(二)1.(6)).
   */
  completed: boolean;
  /**
   * 份数 / Copies
   *
   * 核验单份数；规定一式两份，一份留存、一份上报，多印不违规（二、(二)1.(6)）。 / Number of copies of the form; two are prescribed, one kept and one sent to the bureau, and more is no violation (二、(二)1.(6)).
   */
  copies: number;
  /**
   * 加盖公章 / Sealed
   *
   * 是否加盖接入服务单位公章（二、(二)1.(6)）。 / Whether the provider's official seal is on the form (二、(二)1.(6)).
   */
  sealed: boolean;
  /**
   * 提交形式 / Submitted as
   *
   * 核验单提交给通信管理局的形式（二、(二)1.(7)）：original 纸制原件，fax 传真件，scan 电子扫描件。自阶段 submitted 起必填，此前提交尚未发生。 / How the form is submitted to the bureau (二、(二)1.(7)): original = paper original, fax, scan = electronic scan. Required from stage submitted on; before it the submission has not happened.
   */
  submittedAs?: 'original' | 'fax' | 'scan';
  /**
   * 现场修改记录 / On-site corrections
   *
   * 可选（本项目新增）：现场核实发现备案信息有误并修改时，在核验单中的记录，每项一条（二、(二)1.(6)）。 / Optional (added by this project): corrections made on site and recorded on the form, one entry each (二、(二)1.(6)).
   *
   * Items: 修改记录 / Correction
   *
   * 一条现场修改记录（二、(二)1.(6)）。 / One on-site correction (二、(二)1.(6)).
   */
  corrections?: string[];
}
/**
 * 资料留存 / Record retention
 *
 * 核验资料留存期限，至少 5 年（三、(一)4）。阶段 verified 之前可省略。 / How long the verification records are kept, at least 5 years (三、(一)4). Optional before stage verified.
 */
export interface Retention {
  /**
   * 留存截止日期 / Retain until
   *
   * 资料留存至该日期，须不早于当面核验后 5 年（三、(一)4，规则 retention-period）。 / The records are kept until this date, at least 5 years after on-site verification (三、(一)4, rule retention-period).
   */
  retainUntil: string;
}
/**
 * 证件 / Identity document
 *
 * 主办者或网站负责人的证件：类型、号码、持有者（一、1；二、(二)1.(5) 核验证件持有者、证件类型、证件内容与录入信息完全一致）。 / The owner's or principal's identity document: type, number and holder (一、1; 二、(二)1.(5): holder, type and content must equal the entered record).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "document".
 */
export interface Document2 {
  /**
   * 证件类型 / Document type
   *
   * 证件类型代码，见 $defs/documentType（一、1.(1)(2)）。 / Document type code, see $defs/documentType (一、1.(1)(2)).
   */
  type:
    | 'org-code-certificate'
    | 'uscc-certificate'
    | 'institution-legal-person-certificate'
    | 'social-group-legal-person-certificate'
    | 'business-license'
    | 'military-code-certificate'
    | 'resident-id-card'
    | 'household-register'
    | 'officer-id'
    | 'taiwan-compatriot-permit'
    | 'hk-macao-permit'
    | 'hmt-residence-permit'
    | 'passport'
    | 'foreign-permanent-resident-id';
  /**
   * 证件号码 / Document number
   *
   * 证件号码：居民身份证、户口簿为 18 位公民身份号码（GB 11643-1999，含校验码）；营业执照为统一社会信用代码（GB 32100-2015）或 15 位注册号；组织机构代码证书为 9 位组织机构代码（GB 11714-1997）或统一社会信用代码；两种法人证书为统一社会信用代码。格式由规则 document-number 检查。 / Document number: an 18-character citizen ID number for resident-id-card and household-register (GB 11643-1999, with check character); a unified social credit code (GB 32100-2015) or 15-digit registration number for business-license; a 9-character organisation code (GB 11714-1997) or unified social credit code for org-code-certificate; a unified social credit code for the legal-person certificates. Rule document-number checks the form.
   */
  number: string;
  /**
   * 证件持有者 / Document holder
   *
   * 证件上的持有者名称，应与主办者或网站负责人名称一致（二、(二)1.(5)，规则 document-holder）。 / The holder named on the document; must equal the owner's or principal's name (二、(二)1.(5), rule document-holder).
   */
  holder: string;
  validUntil?: ValidUntil;
}
export interface Owner1 {
  /**
   * 主办者性质 / Owner kind
   *
   * 主办者性质（一、1）：unit 单位，individual 个人。 / Kind of owner (一、1): unit = an organisation, individual = a natural person.
   */
  kind: 'unit' | 'individual';
  /**
   * 单位性质 / Unit type
   *
   * 单位性质，仅单位填写（一、1.(1)）：government 机关，institution 事业单位，social-group 社会团体，enterprise 企业，military 军队。 / Type of unit, units only (一、1.(1)): government = government body (机关), institution = public institution (事业单位), social-group = social organisation (社会团体), enterprise = company (企业), military = armed forces unit (军队).
   */
  unitType?: 'government' | 'institution' | 'social-group' | 'enterprise' | 'military';
  /**
   * 主办者名称 / Owner name
   *
   * 单位名称或个人姓名，应与证件及域名所有者一致（二、(二)1.(5)）。 / The unit's name or the person's name; must match the document and the domain holder (二、(二)1.(5)).
   */
  name: string;
  /**
   * 主办者国籍 / Owner citizenship
   *
   * 个人主办者的国籍，仅个人填写（一、1.(2)）：CN 中国公民，其他为 ISO 3166-1 二位代码。 / Citizenship of an individual owner, individuals only (一、1.(2)): CN for Chinese citizens, otherwise an ISO 3166-1 alpha-2 code.
   */
  citizenship?: string;
  /**
   * 主体所在地代码 / Owner region code
   *
   * 主办者所在地的 6 位 GB/T 2260 行政区划代码，决定审核的省通信管理局（二、(二)1.(6)(7)）。 / 6-digit GB/T 2260 administrative division code of where the owner is (主体所在地); decides the reviewing provincial bureau (二、(二)1.(6)(7)).
   */
  regionCode: string;
  /**
   * 证件地址 / Document address
   *
   * 主办者证件上的住所或地址（一、1）。 / The address on the owner's document (一、1).
   */
  address: string;
  document: Document;
}
/**
 * 网站负责人 / Website principal
 *
 * 网站负责人及其证件和联系方式（一、1.(3)；一、2）。 / The website principal with identity document and contacts (一、1.(3); 一、2).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "principal".
 */
export interface Principal1 {
  /**
   * 负责人姓名 / Principal name
   *
   * 网站负责人姓名，应与其证件持有者一致（二、(二)1.(5)）。 / The principal's name; must equal the holder on the document (二、(二)1.(5)).
   */
  name: string;
  /**
   * 负责人身份 / Principal role
   *
   * 网站负责人的身份（一、1.(3)）：legal-representative 法定代表人（单位），department-head 单位委派具体负责网站的部门负责人（单位），self 个人主办者本人。 / The principal's role (一、1.(3)): legal-representative = the unit's legal representative, department-head = the department head the unit appoints for the website, self = the individual owner in person.
   */
  role: 'legal-representative' | 'department-head' | 'self';
  /**
   * 负责人国籍 / Principal citizenship
   *
   * 网站负责人国籍：CN 中国公民（核验身份证等），其他为 ISO 3166-1 二位代码（核验护照）（一、1.(1)）。 / The principal's citizenship: CN for Chinese citizens (ID card etc.), otherwise an ISO 3166-1 alpha-2 code (passport) (一、1.(1)).
   */
  citizenship: string;
  document: Document1;
  contacts: Contacts;
}
/**
 * 联系方式 / Contacts
 *
 * 网站负责人联系方式（一、2）：单位须有手机、办公电话、电子邮箱、通信地址；个人须有手机、办公电话或住宅电话、电子邮箱、通信地址。各项在此均为可选，是否齐全由规则 required-contacts 判断，格式由 contact-format 检查。 / The principal's contacts (一、2): a unit needs mobile, office phone, email and mailing address; an individual needs mobile, office or home phone, email and mailing address. All are optional here; rule required-contacts decides completeness and contact-format checks the form.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "contacts".
 */
export interface Contacts1 {
  /**
   * 手机号码 / Mobile
   *
   * 网站负责人手机号码，例如 13812345678（一、2）。 / The principal's mobile number, e.g. 13812345678 (一、2).
   */
  mobile?: string;
  /**
   * 办公电话 / Office phone
   *
   * 办公电话，含区号，例如 010-65123456（一、2）。 / Office phone with area code, e.g. 010-65123456 (一、2).
   */
  officePhone?: string;
  /**
   * 住宅电话 / Home phone
   *
   * 住宅电话，含区号；个人主办者可用以代替办公电话（一、2）。 / Home phone with area code; an individual owner may give it instead of an office phone (一、2).
   */
  homePhone?: string;
  /**
   * 电子邮箱 / Email
   *
   * 网站负责人电子邮箱（一、2）。 / The principal's email address (一、2).
   */
  email?: string;
  /**
   * 通信地址 / Mailing address
   *
   * 通信地址（一、2）。 / Mailing address (一、2).
   */
  mailingAddress?: string;
}
/**
 * 接入信息 / Access information
 *
 * 接入服务提供者名称、接入方式、服务器放置地点、网站 IP 地址（一、4）。 / Access provider name, access method, server location and website IP addresses (一、4).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "access".
 */
export interface Access1 {
  /**
   * 接入服务提供者名称 / Access provider name
   *
   * 接入服务提供者（接入服务单位）名称（一、4）。 / Name of the access provider (一、4).
   */
  providerName: string;
  /**
   * 接入方式 / Access method
   *
   * 接入方式（一、4）：dedicated-line 专线，colocation 主机托管，virtual-hosting 虚拟主机，cloud 云主机，other 其他。 / Access method (一、4): dedicated-line = leased line, colocation = server colocation, virtual-hosting = shared virtual hosting, cloud = cloud server, other.
   */
  method: 'dedicated-line' | 'colocation' | 'virtual-hosting' | 'cloud' | 'other';
  /**
   * 服务器放置地点 / Server location
   *
   * 服务器放置地点，省或市，例如 北京市（一、4）。 / Where the servers are, province or city, e.g. 北京市 (一、4).
   */
  serverLocation: string;
  /**
   * 网站 IP 地址 / Website IP addresses
   *
   * 网站 IP 地址，至少一个 IPv4 或 IPv6 地址；是否为公网单播地址由规则 ip-address 检查（一、4）。 / Website IP addresses, at least one IPv4 or IPv6 address; rule ip-address checks they are public unicast (一、4).
   *
   * @minItems 1
   *
   * Items: IP 地址 / IP address
   *
   * IPv4 或 IPv6 地址（一、4）。 / An IPv4 or IPv6 address (一、4).
   */
  ips: string[];
}
/**
 * 预核验 / Pre-verification
 *
 * 接入服务单位对主体信息、联系方式的预核验，须在主办者提交后 5 个工作日内完成（二、(二)1.(2)）。 / The provider's pre-verification of owner information and contacts, due within 5 working days of the owner's submission (二、(二)1.(2)).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "preVerification".
 */
export interface PreVerification1 {
  /**
   * 预核验完成时间 / Completed at
   *
   * 预核验完成的日期或时间（二、(二)1.(2)）。 / When pre-verification was completed (二、(二)1.(2)).
   */
  completedAt: string;
  /**
   * 预核验结果 / Result
   *
   * 预核验结果（二、(二)1.(2)）：passed 通过（发送现场核验通知），returned 未通过（信息退回，主办者修改后重新提交）。 / Pre-verification result (二、(二)1.(2)): passed = passed (on-site verification notice sent), returned = not passed (sent back for the owner to amend and resubmit).
   */
  result: 'passed' | 'returned';
}
/**
 * 短信提示 / Notification SMS
 *
 * 预核验后发送给主办者的现场核验通知或信息退回短信，须包含通知为预核验结果规定的内容；短信签名【…】、标点、一/1 的写法和附加的退回原因不影响（二、(二)1.(2)，规则 notification-message）。自阶段 verified 起缺少短信记录为警告。 / The on-site verification notice or return SMS sent to the owner after pre-verification; it must carry the content the notice prescribes for the pre-verification result, whatever its 【…】 signature, punctuation, 一 or 1, or an added reason for a return (二、(二)1.(2), rule notification-message). From stage verified on a missing notification is a warning.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "notification".
 */
export interface Notification1 {
  /**
   * 发送时间 / Sent at
   *
   * 短信发送的日期或时间；现场核验须在其后 1 个月内（二、(二)1.(2)）。 / When the SMS was sent; on-site verification is due within 1 month of it (二、(二)1.(2)).
   */
  sentAt: string;
  /**
   * 短信内容 / Message
   *
   * 短信全文，例如“您提交的网站备案信息已通过预核验，请在1个月内由网站负责人本人携带有关证件原件到我单位备案现场办理核验手续”（二、(二)1.(2)）。 / Full text of the SMS, e.g. the prescribed “passed” wording above (二、(二)1.(2)).
   */
  message: string;
}
/**
 * 负责人照片 / Principal photo
 *
 * 现场采集的网站负责人彩色正面免冠照：800×600 像素，显示拍照时间和背景标识（二、(二)1.(4)）；数值由规则 photo-spec 检查。 / The principal's colour frontal bare-headed photo taken on site: 800×600 pixels, showing the time taken and the backdrop mark (二、(二)1.(4)); rule photo-spec checks the values.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "photo".
 */
export interface Photo1 {
  /**
   * 宽度（像素） / Width (pixels)
   *
   * 照片宽度，像素；规定为 800（二、(二)1.(4)）。 / Photo width in pixels; 800 is prescribed (二、(二)1.(4)).
   */
  width: number;
  /**
   * 高度（像素） / Height (pixels)
   *
   * 照片高度，像素；规定为 600（二、(二)1.(4)）。 / Photo height in pixels; 600 is prescribed (二、(二)1.(4)).
   */
  height: number;
  /**
   * 彩色 / Colour
   *
   * 是否彩色照片（二、(二)1.(4)）。 / Whether the photo is in colour (二、(二)1.(4)).
   */
  color: boolean;
  /**
   * 显示拍照时间 / Shows timestamp
   *
   * 照片是否显示拍照时间（二、(二)1.(4)）。 / Whether the photo shows when it was taken (二、(二)1.(4)).
   */
  showsTimestamp: boolean;
  /**
   * 显示背景标识 / Shows backdrop mark
   *
   * 照片是否显示备案中心统一幕布的背景标识（二、(二)1.(4)）。 / Whether the photo shows the mark of the filing centre's backdrop (二、(二)1.(4)).
   */
  showsBackdropMark: boolean;
}
/**
 * 当面核验 / On-site verification
 *
 * 网站负责人本人携带证件原件到接入服务单位备案现场办理的核验（二、(二)1.(3)–(5)）。 / Verification at the provider's filing site, attended by the principal in person with original documents (二、(二)1.(3)–(5)).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "onSite".
 */
export interface OnSite1 {
  /**
   * 当面核验时间 / Verified at
   *
   * 当面核验的日期或时间；须在通知后 1 个月内（二、(二)1.(2)）。 / When on-site verification took place; due within 1 month of the notification (二、(二)1.(2)).
   */
  verifiedAt: string;
  /**
   * 到场人员 / Attended by
   *
   * 到场办理核验的人员（二、(二)1.(3)）：principal 网站负责人本人，other 其他人（违反规定）。 / Who attended on site (二、(二)1.(3)): principal = the principal in person, other = someone else (not allowed).
   */
  attendedBy: 'principal' | 'other';
  photo: Photo;
  /**
   * 核验的证件列表 / Verified documents
   *
   * 当面核验的主办者与负责人证件（二、(二)1.(5)）。 / The owner's and principal's documents checked on site (二、(二)1.(5)).
   */
  documents: VerifiedDocument[];
  /**
   * 域名所有权依据 / Domain ownership evidence
   *
   * 核验域名所有者的依据（二、(二)1.(5)）：certificate 域名证书，registry-lookup 域名注册机构网站公共查询信息。 / Evidence of domain ownership (二、(二)1.(5)): certificate = the domain certificate, registry-lookup = the registry's public lookup.
   */
  domainOwnershipEvidence: 'certificate' | 'registry-lookup';
}
/**
 * 核验单 / Verification form
 *
 * 《网站备案信息真实性核验单》：一式两份，加盖接入服务单位公章，以纸质原件、传真件或电子扫描件提交（二、(二)1.(6)(7)）。 / The verification form (《网站备案信息真实性核验单》): two copies, sealed by the provider, submitted as paper original, fax or scan (二、(二)1.(6)(7)).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "form".
 */
export interface Form1 {
  /**
   * 已填写 / Completed
   *
   * 是否已填写统一格式的核验单（二、(二)1.(6)）。 / Whether the standard form was filled in (二、(二)1.(6)).
   */
  completed: boolean;
  /**
   * 份数 / Copies
   *
   * 核验单份数；规定一式两份，一份留存、一份上报，多印不违规（二、(二)1.(6)）。 / Number of copies of the form; two are prescribed, one kept and one sent to the bureau, and more is no violation (二、(二)1.(6)).
   */
  copies: number;
  /**
   * 加盖公章 / Sealed
   *
   * 是否加盖接入服务单位公章（二、(二)1.(6)）。 / Whether the provider's official seal is on the form (二、(二)1.(6)).
   */
  sealed: boolean;
  /**
   * 提交形式 / Submitted as
   *
   * 核验单提交给通信管理局的形式（二、(二)1.(7)）：original 纸制原件，fax 传真件，scan 电子扫描件。自阶段 submitted 起必填，此前提交尚未发生。 / How the form is submitted to the bureau (二、(二)1.(7)): original = paper original, fax, scan = electronic scan. Required from stage submitted on; before it the submission has not happened.
   */
  submittedAs?: 'original' | 'fax' | 'scan';
  /**
   * 现场修改记录 / On-site corrections
   *
   * 可选（本项目新增）：现场核实发现备案信息有误并修改时，在核验单中的记录，每项一条（二、(二)1.(6)）。 / Optional (added by this project): corrections made on site and recorded on the form, one entry each (二、(二)1.(6)).
   *
   * Items: 修改记录 / Correction
   *
   * 一条现场修改记录（二、(二)1.(6)）。 / One on-site correction (二、(二)1.(6)).
   */
  corrections?: string[];
}
/**
 * 接入服务单位核验 / Access provider verification
 *
 * 接入服务单位核验规程（二、(二)1）。自身只要求 submittedAt，以便导出尚在核验中的 draft 记录（例如已预核验、待当面核验）；自阶段 verified 起还须有 preVerification、onSite、form、securityAgreementSigned、contractClauseIncluded，自 submitted 起须有 providerSubmittedAt。 / The provider's verification procedure (二、(二)1). On its own only submittedAt is required, so a draft still in verification (e.g. pre-verified, awaiting on-site) can be exported; from stage verified on, preVerification, onSite, form, securityAgreementSigned and contractClauseIncluded are required too, and from submitted on, providerSubmittedAt.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "verification".
 */
export interface Verification1 {
  /**
   * 主办者提交时间 / Submitted at
   *
   * 主办者在接入服务单位备案系统提交备案信息的时间（二、(二)1.(1)）。 / When the owner submitted the filing in the provider's system (二、(二)1.(1)).
   */
  submittedAt: string;
  preVerification?: PreVerification;
  notification?: Notification;
  onSite?: OnSite;
  form?: Form;
  /**
   * 已签信息安全管理协议书 / Security agreement signed
   *
   * 网站主办者和接入服务单位是否已签订信息安全管理协议书（二、(二)1.(6)）。 / Whether owner and provider signed the information security management agreement (二、(二)1.(6)).
   */
  securityAgreementSigned?: boolean;
  /**
   * 合同含规定条款 / Contract clause included
   *
   * 业务合同是否明文包含通知规定的备案信息真实性条款（三、(一)3）。 / Whether the service contract includes the clause on truthful filing information prescribed by the notice (三、(一)3).
   */
  contractClauseIncluded?: boolean;
  /**
   * 接入服务单位提交时间 / Provider submitted at
   *
   * 接入服务单位向主体所在地通信管理局提交备案信息的时间；自阶段 submitted 起必填（二、(二)1.(7)）。 / When the provider submitted the filing to the bureau of the owner's region; required from stage submitted on (二、(二)1.(7)).
   */
  providerSubmittedAt?: string;
}
export interface Review1 {
  /**
   * 审核通信管理局代码 / Bureau region code
   *
   * 审核的通信管理局所在省级行政区的 2 位 GB/T 2260 代码（11..65），应为主体所在地的省（二、(二)1.(7)，规则 bureau-region）。 / 2-digit GB/T 2260 province code (11..65) of the reviewing bureau; must be the owner's province (二、(二)1.(7), rule bureau-region).
   */
  bureauRegionCode: string;
  /**
   * 审核时间 / Reviewed at
   *
   * 审核完成的日期或时间；须在接入服务单位提交后 20 个工作日内（二、(二)2）。 / When the review was completed; due within 20 working days of the provider's submission (二、(二)2).
   */
  reviewedAt: string;
  /**
   * 审核结果 / Review result
   *
   * 审核结果（二、(二)2）：approved 审核合格、下发备案号，returned 不合格、退回接入服务单位重新核验。 / Review result (二、(二)2): approved = approved with a filing number, returned = returned to the provider for re-verification.
   */
  result: 'approved' | 'returned';
  /**
   * 备案号 / Filing number
   *
   * 网站备案号，例如 京ICP备12345678号-1；审核合格时必填，形式由规则 filing-number 检查（二、(二)2）。 / The filing number, e.g. 京ICP备12345678号-1; required when approved; rule filing-number checks its form (二、(二)2).
   */
  filingNumber?: string;
}
/**
 * 资料留存 / Record retention
 *
 * 核验中获取的证件信息、照片、核验单、协议等资料的留存（三、(一)4）。 / Retention of the documents, photos, forms and agreements obtained in verification (三、(一)4).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "retention".
 */
export interface Retention1 {
  /**
   * 留存截止日期 / Retain until
   *
   * 资料留存至该日期，须不早于当面核验后 5 年（三、(一)4，规则 retention-period）。 / The records are kept until this date, at least 5 years after on-site verification (三、(一)4, rule retention-period).
   */
  retainUntil: string;
}
