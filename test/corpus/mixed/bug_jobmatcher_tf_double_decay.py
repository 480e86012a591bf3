# Idiom seen in: JN37/ML_Models Off-the-bench/JobMatcher.py
# What it reproduces: the job-matching BERT classifier (TF) moves from Adam to transformers.create_optimizer
#   with weight_decay_rate=0.01 (AdamWeightDecay) but keeps an l2 kernel_regularizer on its Dense head; fit()
#   adds the head's regularization loss too, so the head kernel is decayed twice (user mistake).
import pandas as pd
import tensorflow as tf
from transformers import BertTokenizer, TFBertModel, create_optimizer

#%% Load pre-trained model tokenizer (vocabulary)
MAX_LEN = 128
BATCH_SIZE = 16
EPOCHS = 3
NUM_LABELS = 2

tokenizer = BertTokenizer.from_pretrained('bert-base-uncased')
jobs = pd.read_csv('data/job_candidate_pairs.csv')
enc = tokenizer(list(jobs['job_text']), list(jobs['cv_text']), truncation=True,
                padding='max_length', max_length=MAX_LEN, return_tensors='tf')
train_ds = tf.data.Dataset.from_tensor_slices(
    ({'input_ids': enc['input_ids'], 'attention_mask': enc['attention_mask']}, jobs['match'].values)
).shuffle(1000).batch(BATCH_SIZE)

#%% Model: BERT encoder + small classification head
bert = TFBertModel.from_pretrained('bert-base-uncased')
input_ids = tf.keras.layers.Input(shape=(MAX_LEN,), dtype=tf.int32, name='input_ids')
attention_mask = tf.keras.layers.Input(shape=(MAX_LEN,), dtype=tf.int32, name='attention_mask')
pooled = bert(input_ids, attention_mask=attention_mask).pooler_output
x = tf.keras.layers.Dropout(0.1)(pooled)
logits = tf.keras.layers.Dense(NUM_LABELS, name='classifier',
                               kernel_regularizer=tf.keras.regularizers.l2(1e-4))(x)  # expect: WD201
model = tf.keras.Model(inputs=[input_ids, attention_mask], outputs=logits)

#%% Fine-tune BERT for classification
num_train_steps = len(train_ds) * EPOCHS
optimizer, lr_schedule = create_optimizer(init_lr=3e-5, num_train_steps=num_train_steps,
                                          num_warmup_steps=int(0.1 * num_train_steps),
                                          weight_decay_rate=0.01)
loss = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
metrics = tf.metrics.SparseCategoricalAccuracy('accuracy')

model.compile(optimizer=optimizer, loss=loss, metrics=[metrics])
model.fit(train_ds, epochs=EPOCHS)
model.save_weights('jobmatcher_weights.h5')
