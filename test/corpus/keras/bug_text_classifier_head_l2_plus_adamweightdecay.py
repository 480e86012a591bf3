# Idiom seen in: repository not resolved by the code index (index file ids 70814026999 / 70617057646: a
#   TextClassification class whose build() puts a softmax Dense with kernel_regularizer=l2(parameters['l2'])
#   on a frozen DistilBERT and compiles with transformers.create_optimizer(weight_decay_rate=...))
# What it reproduces: an intent classifier for a voice assistant, organised as a trainer class: train() stores
#   its keyword hyper-parameters in self.parameters, build() assembles the Keras graph on the transformer's main
#   layer and compiles it. The output kernel carries an explicit l2 penalty AND is decayed by the AdamWeightDecay
#   that create_optimizer returns (it excludes only LayerNorm and bias names), so the same kernel is decayed twice.
# label-note: WD201 on the output layer's kernel_regularizer= line (double decay: regularizer + optimizer decay on
#   the same kernel). No WD203/WD202: create_optimizer excludes biases and LayerNorm and its decay is decoupled.
import math

import numpy as np
import tensorflow as tf
from transformers import AutoConfig, AutoTokenizer, TFAutoModel as AutoModel, create_optimizer


class TextClassification:

    def tokenize(self, X):
        X = self.tokenizer(X, truncation=True, padding='max_length',
                           max_length=self.parameters['max_seq_len'], return_tensors='np')
        return {key: np.asarray(X[key]).astype(np.int32) for key in ['input_ids', 'attention_mask']}

    def build(self):
        inputs = [tf.keras.layers.Input((self.parameters['max_seq_len'],), name=key, dtype=np.int32)
                  for key in ['input_ids', 'attention_mask']]
        base = AutoModel.from_pretrained(self.config._name_or_path).layers[0]
        base._trainable = self.parameters['trainable']
        output = base(inputs).last_hidden_state
        output = tf.keras.layers.GlobalAveragePooling1D()(output)
        output = tf.keras.layers.Dropout(self.parameters['dropout'])(output)
        output = tf.keras.layers.Dense(self.parameters['units'], activation='relu')(output)
        output = tf.keras.layers.Dense(
            self.config.num_labels,
            activation='softmax',
            kernel_regularizer=tf.keras.regularizers.l2(l2=self.parameters['l2']),  # expect: WD201
            name='output'
        )(output)
        model = tf.keras.models.Model(inputs=inputs, outputs=output)

        optimizer, _ = create_optimizer(
            init_lr=self.parameters['learning_rate'],
            num_train_steps=self.parameters['num_train_steps'],
            weight_decay_rate=self.parameters['weight_decay_rate'],
            num_warmup_steps=self.parameters['num_warmup_steps']
        )
        model.compile(optimizer=optimizer, loss=tf.keras.losses.SparseCategoricalCrossentropy(),
                      metrics=['accuracy'])
        return model

    def train(self, X, y, pretrained_model='distilbert-base-uncased', trainable=False, epochs=5,
              batch_size=16, validation_split=0.1, units=768, dropout=0.15, l2=0.01,
              learning_rate=1e-2, weight_decay_rate=0.01, num_warmup_steps=0):
        id2label = {i: label for i, label in enumerate(sorted(set(y)))}
        label2id = {label: i for i, label in id2label.items()}
        self.config = AutoConfig.from_pretrained(pretrained_model, id2label=id2label, label2id=label2id,
                                                 num_labels=len(id2label))
        self.parameters = {
            'max_seq_len': max(len(x.split()) for x in X), 'trainable': trainable,
            'num_train_steps': math.ceil((len(X) * (1 - validation_split) / batch_size) * epochs),
            'units': units, 'dropout': dropout, 'l2': l2, 'learning_rate': learning_rate,
            'weight_decay_rate': weight_decay_rate, 'num_warmup_steps': num_warmup_steps,
        }
        self.tokenizer = AutoTokenizer.from_pretrained(pretrained_model, config=self.config)
        self.model = self.build()
        self.history = self.model.fit(
            self.tokenize(X), np.asarray([label2id[label] for label in y], dtype=np.int32),
            validation_split=validation_split, epochs=epochs, batch_size=batch_size,
            callbacks=[tf.keras.callbacks.EarlyStopping('val_loss', 0.001, 3, restore_best_weights=True)])
        return self.history


if __name__ == '__main__':
    import pandas as pd

    dataset = pd.read_csv('./data/examples/voice_assistant.csv').dropna()
    X = dataset.iloc[:, 0].values.tolist()
    y = dataset.iloc[:, 1].values.tolist()
    classifier = TextClassification()
    classifier.train(X, y, pretrained_model='distilbert-base-uncased', trainable=False, epochs=5,
                     batch_size=16, validation_split=0.10, units=768, dropout=0.15, l2=0.01,
                     learning_rate=2e-5)
