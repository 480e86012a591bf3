# Idiom seen in: bojone/bert4keras bert4keras/optimizers.py
# Idiom seen in: bojone/bert4keras examples/task_sentiment_albert.py
# What it reproduces: a bert4keras sentiment classifier fine-tuned with the library's decoupled AdamW
#   (extend_with_weight_decay(Adam)) and exclude_from_weight_decay=['Norm', 'bias'], so LayerNorm and
#   biases are not decayed; no layer regularizers, fit trains the cross entropy only. Clean.
from bert4keras.backend import keras
from bert4keras.models import build_transformer_model
from bert4keras.optimizers import Adam, extend_with_weight_decay
from bert4keras.snippets import DataGenerator, sequence_padding
from bert4keras.tokenizers import Tokenizer
from keras.layers import Dense, Lambda

num_classes = 2
maxlen = 128
batch_size = 32
config_path = '/root/kg/bert/albert_small_zh_google/albert_config.json'
checkpoint_path = '/root/kg/bert/albert_small_zh_google/albert_model.ckpt'
dict_path = '/root/kg/bert/albert_small_zh_google/vocab.txt'


def load_data(filename):
    D = []
    with open(filename, encoding='utf-8') as f:
        for l in f:
            text, label = l.strip().split('\t')
            D.append((text, int(label)))
    return D


train_data = load_data('datasets/sentiment/sentiment.train.data')
tokenizer = Tokenizer(dict_path, do_lower_case=True)


class data_generator(DataGenerator):
    def __iter__(self, random=False):
        batch_token_ids, batch_segment_ids, batch_labels = [], [], []
        for is_end, (text, label) in self.sample(random):
            token_ids, segment_ids = tokenizer.encode(text, maxlen=maxlen)
            batch_token_ids.append(token_ids)
            batch_segment_ids.append(segment_ids)
            batch_labels.append([label])
            if len(batch_token_ids) == self.batch_size or is_end:
                yield [sequence_padding(batch_token_ids), sequence_padding(batch_segment_ids)], \
                    sequence_padding(batch_labels)
                batch_token_ids, batch_segment_ids, batch_labels = [], [], []


bert = build_transformer_model(config_path=config_path, checkpoint_path=checkpoint_path,
                               model='albert', return_keras_model=False)
output = Lambda(lambda x: x[:, 0], name='CLS-token')(bert.model.output)
output = Dense(units=num_classes, activation='softmax', kernel_initializer=bert.initializer)(output)
model = keras.models.Model(bert.model.input, output)

AdamW = extend_with_weight_decay(Adam, name='AdamW')
optimizer = AdamW(learning_rate=1e-4, weight_decay_rate=0.01,
                  exclude_from_weight_decay=['Norm', 'bias'])
model.compile(loss='sparse_categorical_crossentropy', optimizer=optimizer, metrics=['accuracy'])

train_generator = data_generator(train_data, batch_size)
model.fit(train_generator.forfit(), steps_per_epoch=len(train_generator), epochs=10)
model.save_weights('best_model.weights')
