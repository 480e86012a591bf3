# Idiom seen in: Silva-6/stanford-machine_learning 01-advanced_learning_algorithms/practice_lab_03-applying_machine_learning-advice/ex05-regularization.py
# What it reproduces: course lab (Advanced Learning Algorithms, "advice for applying ML"): a regularized
# Sequential model with kernel_regularizer=l2(0.1), then a sweep over lambda values (0.0 included) that
# builds, compiles and fits one model per lambda. Clean: compile/fit adds the regularization losses.
import numpy as np
import tensorflow as tf
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense
from sklearn.datasets import make_blobs
from sklearn.model_selection import train_test_split

classes = 6
m = 800
centers = [[-5, 2], [-2, -2], [1, 2], [5, -2], [-2, 5], [4, 4]]
X, y = make_blobs(n_samples=m, centers=centers, cluster_std=2.0, random_state=2, n_features=2)
X_train, X_, y_train, y_ = train_test_split(X, y, test_size=0.50, random_state=1)
X_cv, X_test, y_cv, y_test = train_test_split(X_, y_, test_size=0.20, random_state=1)


def eval_cat_err(y, yhat):
    return np.mean(y != yhat)


# UNQ_C5
tf.random.set_seed(1234)
model_r = Sequential(
    [
        Dense(120, activation='relu', kernel_regularizer=tf.keras.regularizers.l2(0.1), name="L1"),
        Dense(40, activation='relu', kernel_regularizer=tf.keras.regularizers.l2(0.1), name="L2"),
        Dense(classes, activation='linear', name="L3"),
    ], name="ComplexRegularized"
)
model_r.compile(
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer=tf.keras.optimizers.Adam(0.01),
)
model_r.fit(X_train, y_train, epochs=1000)

# Iterate to find optimal regularization value
tf.random.set_seed(1234)
lambdas = [0.0, 0.001, 0.01, 0.05, 0.1, 0.2, 0.3]
models = [None] * len(lambdas)
for i in range(len(lambdas)):
    lambda_ = lambdas[i]
    models[i] = Sequential(
        [
            Dense(120, activation='relu', kernel_regularizer=tf.keras.regularizers.l2(lambda_)),
            Dense(40, activation='relu', kernel_regularizer=tf.keras.regularizers.l2(lambda_)),
            Dense(classes, activation='linear'),
        ]
    )
    models[i].compile(
        loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        optimizer=tf.keras.optimizers.Adam(0.01),
    )
    models[i].fit(X_train, y_train, epochs=1000)
    print(f"Finished lambda = {lambda_}")

for i, model in enumerate(models):
    yhat_cv = np.argmax(tf.nn.softmax(model.predict(X_cv)), axis=1)
    print(f"lambda={lambdas[i]}: cv error {eval_cat_err(y_cv, yhat_cv):0.3f}")
