/**
 * The most common passwords of 8+ characters (shorter ones fail the length rule anyway),
 * compiled from the frequency tables published for well-known leaks — the international
 * top lists (RockYou, "10k most common") and the Chinese ones (CSDN 2011, 12306 2014) —
 * including the keyboard walks and pinyin / number idioms popular in China (woaini, 5201314).
 * Compared case-insensitively.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  "12345678", "123456789", "1234567890", "12345678910", "11111111", "111111111", "00000000",
  "88888888", "66666666", "99999999", "22222222", "55555555", "77777777", "33333333",
  "87654321", "987654321", "0123456789", "01234567", "12341234", "11223344", "12344321",
  "123123123", "123321123", "147258369", "123456abc", "123456aa", "123456qq", "1234abcd",
  "abcd1234", "abc12345", "abc123456", "a1234567", "a12345678", "a123456789", "aa123456",
  "aa12345678", "qq123456", "qq12345678", "q1234567", "qwer1234", "1qaz2wsx", "1q2w3e4r",
  "1q2w3e4r5t", "q1w2e3r4", "qwertyui", "qwertyuiop", "asdfghjk", "asdfghjkl", "zxcvbnm1",
  "zxcvbnm123", "asdf1234", "zaq12wsx", "!qaz2wsx", "1qazxsw2", "qazwsxedc", "password",
  "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "iloveyou", "iloveyou1",
  "sunshine", "princess", "football", "baseball", "welcome1", "welcome123", "letmein1",
  "trustno1", "superman", "starwars", "whatever", "computer", "michelle", "jennifer",
  "internet", "shadow123", "monkey123", "dragon123", "master123", "admin123", "admin1234",
  "administrator", "root1234", "test1234", "test12345", "guest123", "changeme", "qwerty123",
  "qwerty12", "1234qwer", "qwe12345", "qweasdzxc", "qweqweqwe", "asdasdasd", "zxczxczxc",
  "woaini1314", "woaini520", "woaini123", "woaini521", "5201314520", "52013145201314",
  "13145201314", "1314520520", "5211314521", "woainima", "wodemima", "mimamima",
  "huang123", "wang1234", "zhang123", "li123456", "liu123456", "chen123456", "yang123456",
  "zhao123456", "wuhan123", "beijing1", "beijing2008", "shanghai", "zhongguo", "china123",
  "qingdao1", "jinhua123", "anquan123", "anquan2024", "anquan2025", "anquan2026",
  "aaaaaaaa", "aaaaaaaaa", "abcdefgh", "abcdefg1", "abcd12345", "abcdefg123", "a1b2c3d4",
  "a1s2d3f4", "1a2b3c4d", "12qwaszx", "123qweasd", "123qweasdzxc", "qwerasdf", "qazwsx123",
  "1234567a", "12345678a", "123456789a", "12345qwert", "123456qwe", "147852369", "159357456",
  "741852963", "789456123", "963852741", "246813579", "135792468", "100200300", "520520520",
  "147147147", "258258258", "369369369", "123654789", "19491001", "19870101", "19880808",
  "19900101", "20080808", "20202020", "20242024", "20252025", "20262026", "qq5201314",
  "iloveyou520", "loveyou1314", "1314woaini", "88889999", "66668888", "12121212",
  "13131313", "520131400", "password2024", "password2025", "password2026", "welcome2026",
  "admin@123", "admin#123", "abc@1234", "abc#1234", "a123456.", "aa123456.", "123456..",
];
