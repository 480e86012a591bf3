# Idiom seen in: reginaceballos/emma naive_bayes/BERT_model.py
# What it reproduces: a TF-Hub BERT encoder with a Dropout + Dense head that carries an l2 kernel_regularizer,
#   trained with model.compile(optimizer=Adam) and model.fit: fit adds the head's regularization loss to
#   the minimized loss, and plain Adam adds no decay of its own. Clean.
import pandas as pd
import tensorflow as tf
import tensorflow_hub as hub
import tensorflow_text as text  # noqa: F401  (registers the preprocessing ops)
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/emails_labeled.csv")
X_train, X_test, y_train, y_test = train_test_split(df["text"], df["is_spam"], stratify=df["is_spam"])

bert_preprocess = hub.KerasLayer("https://tfhub.dev/tensorflow/bert_en_uncased_preprocess/3")
bert_encoder = hub.KerasLayer("https://tfhub.dev/tensorflow/bert_en_uncased_L-12_H-768_A-12/4")

# Bert layers
text_input = tf.keras.layers.Input(shape=(), dtype=tf.string, name='text')
preprocessed_text = bert_preprocess(text_input)
outputs = bert_encoder(preprocessed_text)

# Neural network layers
l = tf.keras.layers.Dropout(0.1, name="dropout")(outputs['pooled_output'])
l = tf.keras.layers.Dense(1, activation='sigmoid', name="output",
                          kernel_regularizer=tf.keras.regularizers.l2(1e-3))(l)

# Use inputs and outputs to construct a final model
model = tf.keras.Model(inputs=[text_input], outputs=[l])
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=2e-5),
              loss='binary_crossentropy',
              metrics=['accuracy'])
model.fit(X_train, y_train, epochs=2, batch_size=32, validation_data=(X_test, y_test))

y_predicted = model.predict(X_test).flatten()
print(y_predicted[:10])
