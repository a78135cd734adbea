/**
 * The most frequent Chinese characters, in simplified and traditional form.
 * Used only to tell which legacy encoding a file without a BOM is in: real
 * Chinese text decodes to these characters most of the time (the top few
 * hundred cover well over half of running text), while bytes decoded with
 * the wrong table (Big5 read as GBK, Latin-1 read as GB18030) land on rare
 * characters spread over the whole table.
 */
const simplified =
  '的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校志飞观争究包组造落视济喜离虽坐集编宝谈府拉黑且随格尽讲布杀微怕母调局根曾准团段终乐切级克精哪官示冷域消费免赚钱元优惠免费邮件公司产品服务销售价格联系电话地址网站';

/** Traditional forms of the characters above that differ from their simplified form. */
const traditional =
  '這個國們為來說時會學對裡後麼見經頭動兩長現樣將實點種聲話兒問機給幾業間電門東氣聽處書師員難數體別總場報馬張車應關親鉛務製記邊戰許覺統請愛讓認論義術結功連遠資隊帶條變聯權領傳紅決達辦運候強區轉眾輕語滿寫識極黃錢黨設歷詞選廣議際導網專飛觀爭組視濟離雖編寶談隨盡講殺調團終樂級費賺優惠郵產價係話址網站開發無與從進過還';

/** The set of common characters, simplified and traditional. */
export const commonHanzi: ReadonlySet<string> = new Set([...simplified, ...traditional]);
